package io.mcpee.rest;

import jakarta.servlet.AsyncContext;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;

import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.util.concurrent.ExecutorService;

/**
 * An agent's REST request as the application sees it behind the REST door. The body the application reads is kept
 * (up to a bound) for the audit's arguments, and an asynchronous resource method is held to the request's thread:
 * {@code startAsync()} gives a context of the door's ({@link HeldAsync}), so the answer is complete, and can be
 * masked and recorded, when the application's chain returns — as a tool call awaits a {@code CompletionStage}.
 */
final class AgentRequest extends HttpServletRequestWrapper {
    private final ByteArrayOutputStream read = new ByteArrayOutputStream();
    private final int maxKept;
    private final ExecutorService executor;
    private boolean truncated;
    private ServletInputStream stream;
    private BufferedReader reader;
    private ServletResponse response;
    private HeldAsync async;

    AgentRequest(HttpServletRequest request, int maxKept, ExecutorService executor) {
        super(request);
        this.maxKept = maxKept;
        this.executor = executor;
    }

    /** The response the application is handed with this request, which an asynchronous answer is written to. */
    void answeredBy(ServletResponse answer) {
        this.response = answer;
    }

    @Override
    public ServletInputStream getInputStream() throws IOException {
        if (reader != null) {
            throw new IllegalStateException("getReader() has already been called");
        }
        if (stream == null) {
            ServletInputStream real = super.getInputStream();
            stream = new ServletInputStream() {
                @Override
                public int read() throws IOException {
                    int b = real.read();
                    if (b >= 0) {
                        keep(new byte[] {(byte) b}, 0, 1);
                    }
                    return b;
                }

                @Override
                public int read(byte[] bytes, int offset, int length) throws IOException {
                    int n = real.read(bytes, offset, length);
                    if (n > 0) {
                        keep(bytes, offset, n);
                    }
                    return n;
                }

                @Override
                public boolean isFinished() {
                    return real.isFinished();
                }

                @Override
                public boolean isReady() {
                    return real.isReady();
                }

                @Override
                public void setReadListener(ReadListener listener) {
                    throw new IllegalStateException("an agent's REST request is read in blocking mode");
                }
            };
        }
        return stream;
    }

    @Override
    public BufferedReader getReader() throws IOException {
        if (reader == null) {
            reader = new BufferedReader(new InputStreamReader(getInputStream(),
                    Charsets.namedOrUtf8(getCharacterEncoding())));
        }
        return reader;
    }

    private void keep(byte[] bytes, int offset, int length) {
        int room = maxKept - read.size();
        if (length > room) {
            truncated = true;
        }
        if (room > 0) {
            read.write(bytes, offset, Math.min(room, length));
        }
    }

    /** The body as the application read it, and whether it was longer than what was kept. */
    byte[] body() {
        return read.toByteArray();
    }

    boolean bodyTruncated() {
        return truncated;
    }

    @Override
    public boolean isAsyncSupported() {
        return true;
    }

    @Override
    public AsyncContext startAsync() {
        return startAsync(this, response);
    }

    @Override
    public AsyncContext startAsync(ServletRequest request, ServletResponse response) {
        if (async != null && !async.completed()) {
            throw new IllegalStateException("the request is already asynchronous");
        }
        async = new HeldAsync(request, response, executor);
        return async;
    }

    @Override
    public boolean isAsyncStarted() {
        return async != null && !async.completed();
    }

    @Override
    public AsyncContext getAsyncContext() {
        if (async == null) {
            throw new IllegalStateException("the request is not asynchronous");
        }
        return async;
    }

    /** Waits for an asynchronous answer to complete, if the application started one. */
    void awaitAsync() throws IOException {
        if (async != null) {
            async.await();
        }
    }
}
