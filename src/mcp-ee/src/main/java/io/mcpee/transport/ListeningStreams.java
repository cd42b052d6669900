package io.mcpee.transport;

import io.mcpee.api.ToolListChanged;
import io.mcpee.protocol.JsonText;
import io.mcpee.tools.ToolCatalogChanged;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.json.JsonValue;
import jakarta.ws.rs.sse.OutboundSseEvent;
import jakarta.ws.rs.sse.Sse;
import jakarta.ws.rs.sse.SseEventSink;


import java.time.Duration;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;
import java.util.function.Predicate;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The event streams clients keep open to hear from the server outside any call: a session's {@code GET} stream
 * (2025-11-25 and earlier; one per session, a newer one replaces it) and 2026-07-28 {@code subscriptions/listen}
 * streams. What they carry is {@code notifications/tools/list_changed} when {@link ToolListChanged} is fired.
 * <p>
 * An idle stream holds no thread (JAX-RS's {@link SseEventSink}, on the container's asynchronous servlet support).
 * Every {@value #TICK_SECONDS} seconds each gets a comment line, which finds the ones whose client went away; a
 * stream is closed when its session ends and after {@code mcpee.mcp.stream-max-age} (a subscription with its
 * closing result), so that its client reopens it with a credential checked again. At most
 * {@code mcpee.mcp.max-sessions} are open at once.
 */
@ApplicationScoped
class ListeningStreams {
    private static final Logger LOG = Logger.getLogger(ListeningStreams.class.getName());
    static final long TICK_SECONDS = 15;
    static final String SUBSCRIPTION_ID = "io.modelcontextprotocol/subscriptionId";

    private final Set<Listener> open = ConcurrentHashMap.newKeySet();
    private final Predicate<String> liveSession;
    private final long maxAgeNanos;
    private final int maxStreams;
    private final LongSupplier nanoClock;
    // a resource cannot be a constructor parameter
    @Resource
    private ManagedScheduledExecutorService scheduler;
    private ScheduledFuture<?> ticks;

    @Inject
    ListeningStreams(SessionRegistry sessions, TransportConfig config) {
        this(sessions::isLive, config.streamMaxAge(), config.maxSessions(), System::nanoTime);
    }

    ListeningStreams(Predicate<String> liveSession, Duration maxAge, int maxStreams, LongSupplier nanoClock) {
        this.liveSession = liveSession;
        this.maxAgeNanos = maxAge == null ? 0 : maxAge.toNanos();
        this.maxStreams = maxStreams;
        this.nanoClock = nanoClock;
    }

    /** For the CDI client proxy only. */
    protected ListeningStreams() {
        this(null, null, 0, null);
    }

    /** Where a stream's messages go: an {@link SseEventSink} ({@link #sse}); its writes never interleave. */
    interface EventOut {
        void message(String json);

        /** An SSE comment line, which clients ignore. */
        void comment(String text);

        boolean isClosed();

        void close();
    }

    /** The JAX-RS event sink of a stream as an {@link EventOut}. */
    static EventOut sse(SseEventSink sink, Sse sse) {
        return new EventOut() {
            @Override
            public synchronized void message(String json) {
                send(sse.newEventBuilder().name("message").data(json).build());
            }

            @Override
            public synchronized void comment(String text) {
                send(sse.newEventBuilder().comment(text).build());
            }

            private void send(OutboundSseEvent event) {
                if (!sink.isClosed()) {
                    // a client that went away shows as a failed write: closed, and dropped at the next tick
                    sink.send(event).whenComplete((done, failure) -> {
                        if (failure != null) {
                            close();
                        }
                    });
                }
            }

            @Override
            public boolean isClosed() {
                return sink.isClosed();
            }

            @Override
            public synchronized void close() {
                try {
                    sink.close();
                } catch (RuntimeException e) {
                    // closing a stream whose client is gone may fail; it is closed either way
                    LOG.log(Level.FINE, "mcp-ee: closing an event stream failed", e);
                }
            }
        };
    }

    /**
     * One open stream: a session's ({@code sessionId}), or a 2026-07-28 subscription's ({@code subscriptionId}, the
     * id of its {@code subscriptions/listen} request, and whether it asked for tool list changes).
     */
    private record Listener(String sessionId, JsonValue subscriptionId, boolean toolsListChanged, EventOut out,
                            long openedNanos) {

        /** A notification's or result's members, tagged with the subscription's id in 2026-07-28. */
        String params(String members) {
            if (subscriptionId == null) {
                return "{" + members + "}";
            }
            String meta = "\"_meta\":{\"" + SUBSCRIPTION_ID + "\":" + subscriptionId + "}";
            return "{" + meta + (members.isEmpty() ? "" : "," + members) + "}";
        }
    }

    /**
     * Keeps {@code session}'s {@code GET} stream open, in place of any earlier one of the session's (each message
     * goes to one stream only); false when too many streams are open.
     */
    boolean openForSession(String sessionId, EventOut out) {
        sessionEnded(sessionId);
        Listener listener = new Listener(sessionId, null, true, out, nanoClock.getAsLong());
        if (!admit(listener)) {
            return false;
        }
        // the stream is open, and the client sees it at once
        out.comment("stream open");
        return true;
    }

    /**
     * Keeps a 2026-07-28 subscription open and acknowledges it, with the notifications it agreed to (of those asked
     * for, only {@code toolsListChanged} exists here); false when too many streams are open.
     */
    boolean openSubscription(JsonValue subscriptionId, boolean toolsListChanged, EventOut out) {
        Listener listener = new Listener(null, subscriptionId, toolsListChanged, out, nanoClock.getAsLong());
        if (!admit(listener)) {
            return false;
        }
        var agreed = JsonText.BUILDERS.createObjectBuilder();
        if (toolsListChanged) {
            agreed.add("toolsListChanged", true);
        }
        out.message("{\"jsonrpc\":\"2.0\",\"method\":\"notifications/subscriptions/acknowledged\",\"params\":"
                + listener.params("\"notifications\":" + agreed.build()) + "}");
        return true;
    }

    private boolean admit(Listener listener) {
        if (open.size() >= maxStreams) {
            return false;
        }
        open.add(listener);
        startTicking();
        return true;
    }

    /** The session ended ({@code DELETE}): its stream too. */
    void sessionEnded(String sessionId) {
        open.removeIf(listener -> {
            if (sessionId.equals(listener.sessionId())) {
                listener.out().close();
                return true;
            }
            return false;
        });
    }

    void toolListChanged(@Observes ToolListChanged changed) {
        for (Listener listener : open) {
            if (listener.toolsListChanged()) {
                listener.out().message("{\"jsonrpc\":\"2.0\",\"method\":\"notifications/tools/list_changed\",\"params\":"
                        + listener.params("") + "}");
            }
        }
    }

    void toolsAdded(@Observes ToolCatalogChanged changed) {
        toolListChanged(new ToolListChanged());
    }

    private synchronized void startTicking() {
        if (ticks == null && scheduler != null) {
            ticks = scheduler.scheduleAtFixedRate(this::tick, TICK_SECONDS, TICK_SECONDS, TimeUnit.SECONDS);
        }
    }

    /** Drops the streams whose client went away, ends those past their age or session, and keeps the rest alive. */
    void tick() {
        long now = nanoClock.getAsLong();
        for (Listener listener : open) {
            if (listener.out().isClosed()) {
                open.remove(listener);
            } else if (now - listener.openedNanos() > maxAgeNanos
                    || listener.sessionId() != null && !liveSession.test(listener.sessionId())) {
                open.remove(listener);
                end(listener);
            } else {
                listener.out().comment("keep-alive");
            }
        }
    }

    /** Ends a stream on the server's initiative: a subscription gets its closing result first, as 2026-07-28 asks. */
    private static void end(Listener listener) {
        if (listener.subscriptionId() != null) {
            listener.out().message("{\"jsonrpc\":\"2.0\",\"id\":" + listener.subscriptionId() + ",\"result\":{"
                    + "\"resultType\":\"complete\"," + listener.params("").substring(1) + "}");
        }
        listener.out().close();
    }

    @PreDestroy
    void stop() {
        synchronized (this) {
            if (ticks != null) {
                ticks.cancel(false);
            }
        }
        open.forEach(ListeningStreams::end);
        open.clear();
    }
}
