package io.mcpee.rest;

import jakarta.servlet.AsyncContext;
import jakarta.servlet.AsyncEvent;
import jakarta.servlet.AsyncListener;
import jakarta.servlet.ServletContext;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * The asynchronous context the REST door gives an agent's request instead of the container's: the application
 * completes its answer on any thread, while the request's own thread waits for it (bounded by the timeout, after
 * which the listeners hear of it as from the container), so the door can mask and record the whole answer before
 * it is let go. Dispatching to another path is not supported.
 */
final class HeldAsync implements AsyncContext {
    /** What the servlet containers default to. */
    private static final long DEFAULT_TIMEOUT_MILLIS = 30_000;
    /** How long the listeners get to answer a timeout before the door gives up waiting. */
    private static final long AFTER_TIMEOUT_MILLIS = 5_000;

    private final ServletRequest request;
    private final ServletResponse response;
    private final ExecutorService executor;
    private final List<AsyncListener> listeners = new ArrayList<>();
    private final CountDownLatch done = new CountDownLatch(1);
    private volatile long timeoutMillis = DEFAULT_TIMEOUT_MILLIS;

    HeldAsync(ServletRequest request, ServletResponse response, ExecutorService executor) {
        this.request = request;
        this.response = response;
        this.executor = executor;
    }

    @Override
    public ServletRequest getRequest() {
        return request;
    }

    @Override
    public ServletResponse getResponse() {
        return response;
    }

    @Override
    public boolean hasOriginalRequestAndResponse() {
        return true;
    }

    @Override
    public void dispatch() {
        throw new IllegalStateException("mcp-ee's REST door does not dispatch an agent's asynchronous request");
    }

    @Override
    public void dispatch(String path) {
        dispatch();
    }

    @Override
    public void dispatch(ServletContext context, String path) {
        dispatch();
    }

    @Override
    public void complete() {
        done.countDown();
    }

    boolean completed() {
        return done.getCount() == 0;
    }

    @Override
    public void start(Runnable run) {
        executor.execute(run);
    }

    @Override
    public synchronized void addListener(AsyncListener listener) {
        listeners.add(listener);
    }

    @Override
    public void addListener(AsyncListener listener, ServletRequest servletRequest, ServletResponse servletResponse) {
        addListener(listener);
    }

    @Override
    public <T extends AsyncListener> T createListener(Class<T> type) throws ServletException {
        try {
            return type.getDeclaredConstructor().newInstance();
        } catch (ReflectiveOperationException e) {
            throw new ServletException("cannot create the listener " + type.getName(), e);
        }
    }

    @Override
    public void setTimeout(long timeout) {
        this.timeoutMillis = timeout;
    }

    @Override
    public long getTimeout() {
        return timeoutMillis;
    }

    /** Waits for the answer; on timeout tells the listeners, and waits a little more for the answer they make. */
    void await() throws IOException {
        try {
            long timeout = timeoutMillis;
            boolean completed = timeout <= 0 ? waitForever() : done.await(timeout, TimeUnit.MILLISECONDS);
            if (!completed) {
                for (AsyncListener listener : listeners()) {
                    listener.onTimeout(new AsyncEvent(this, request, response));
                }
                if (!done.await(AFTER_TIMEOUT_MILLIS, TimeUnit.MILLISECONDS)) {
                    throw new IOException("the asynchronous answer was not completed within " + timeout + " ms");
                }
            }
            for (AsyncListener listener : listeners()) {
                listener.onComplete(new AsyncEvent(this, request, response));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while waiting for the asynchronous answer", e);
        }
    }

    private boolean waitForever() throws InterruptedException {
        done.await();
        return true;
    }

    private synchronized List<AsyncListener> listeners() {
        return List.copyOf(listeners);
    }
}
