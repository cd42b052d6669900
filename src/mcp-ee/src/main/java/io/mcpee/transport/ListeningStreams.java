package io.mcpee.transport;

import io.mcpee.api.AuthenticatedCaller;
import io.mcpee.api.CallerKind;
import io.mcpee.api.ToolListChanged;
import io.mcpee.protocol.JsonText;
import io.mcpee.tokens.TokensChanged;
import io.mcpee.tools.ToolCatalogChanged;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import jakarta.json.JsonValue;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.sse.OutboundSseEvent;
import jakarta.ws.rs.sse.Sse;
import jakarta.ws.rs.sse.SseEventSink;


import java.time.Duration;
import java.time.Instant;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;
import java.util.function.Predicate;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The event streams clients keep open to hear from the server outside any call: a session's {@code GET} streams
 * (2025-11-25 and earlier; a client may keep several, and each message goes to one of them, the newest) and
 * 2026-07-28 {@code subscriptions/listen} streams. What they carry is {@code notifications/tools/list_changed}, when agent tokens change or
 * {@link ToolListChanged} is fired.
 * <p>
 * A stream was authenticated once, when it was opened, so it ends when that credential may no longer hold: when its
 * agent token changes (deactivated, deleted, regenerated, its grants changed: after the notification), when the
 * credential expires, and after {@code mcpee.mcp.stream-max-age}; its client opens it again, authenticating anew.
 * It also ends with its session. The server ending a subscription sends its closing result first.
 * <p>
 * An idle stream holds no thread (JAX-RS's {@link SseEventSink}, on the container's asynchronous servlet support).
 * Every {@value #TICK_SECONDS} seconds each gets a comment line, which finds the ones whose client went away, and
 * those past their credential's expiry or their age are ended. At most {@code mcpee.mcp.max-sessions} are open at
 * once.
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
    private final Supplier<Instant> wallClock;
    // a resource cannot be a constructor parameter
    @Resource
    private ManagedScheduledExecutorService scheduler;
    private ScheduledFuture<?> ticks;

    @Inject
    ListeningStreams(SessionRegistry sessions, TransportConfig config) {
        this(sessions::isLive, config.streamMaxAge(), config.maxSessions(), System::nanoTime, Instant::now);
    }

    ListeningStreams(Predicate<String> liveSession, Duration maxAge, int maxStreams, LongSupplier nanoClock,
                     Supplier<Instant> wallClock) {
        this.liveSession = liveSession;
        this.wallClock = wallClock;
        this.maxAgeNanos = maxAge == null ? 0 : maxAge.toNanos();
        this.maxStreams = maxStreams;
        this.nanoClock = nanoClock;
    }

    /** For the CDI client proxy only. */
    protected ListeningStreams() {
        this(null, null, 0, null, null);
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
     * The credential a stream was opened with: its kind and id ({@code AGENT_TOKEN} and the token's id), and when it
     * expires (null: never).
     */
    record Credential(String kind, String id, Instant expiresAt) {
        /** The credential of the request that opens a stream. */
        static Credential of(HttpServletRequest request) {
            return AuthenticatedCaller.of(request)
                    .map(caller -> new Credential(caller.kind().name(), caller.credentialId(),
                            caller.credentialExpiresAt().orElse(null)))
                    .orElse(new Credential(SessionOwner.of(request).kind(), null, null));
        }

        /** Whether it is the agent token of this id, or any agent token when {@code tokenId} is null. */
        boolean isAgentToken(Long tokenId) {
            return CallerKind.AGENT_TOKEN.name().equals(kind) && (tokenId == null || tokenId.toString().equals(id));
        }
    }

    /**
     * One open stream: a session's ({@code sessionId}), or a 2026-07-28 subscription's ({@code subscriptionId}, the
     * id of its {@code subscriptions/listen} request, and whether it asked for tool list changes).
     */
    private record Listener(String sessionId, JsonValue subscriptionId, boolean toolsListChanged,
                            Credential credential, EventOut out, long openedNanos) {

        /** A notification's or result's members, tagged with the subscription's id in 2026-07-28. */
        String params(String members) {
            if (subscriptionId == null) {
                return "{" + members + "}";
            }
            String meta = "\"_meta\":{\"" + SUBSCRIPTION_ID + "\":" + subscriptionId + "}";
            return "{" + meta + (members.isEmpty() ? "" : "," + members) + "}";
        }
    }

    /** Keeps a {@code GET} stream of the session open; false when too many streams are open. */
    boolean openForSession(String sessionId, Credential credential, EventOut out) {
        Listener listener = new Listener(sessionId, null, true, credential, out, nanoClock.getAsLong());
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
    boolean openSubscription(JsonValue subscriptionId, boolean toolsListChanged, Credential credential,
                             EventOut out) {
        Listener listener = new Listener(null, subscriptionId, toolsListChanged, credential, out,
                nanoClock.getAsLong());
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

    /** The session ended ({@code DELETE}): its streams end. */
    void sessionEnded(String sessionId) {
        endWhere(listener -> sessionId.equals(listener.sessionId()));
    }

    /**
     * Agent tokens changed (committed): every listening client hears that tool lists may have changed, then the
     * streams of the token that changed (all agent tokens' when several may have) end, since it may have been
     * revoked; their clients open them again, with the token checked anew.
     */
    void tokensChanged(@Observes(during = TransactionPhase.AFTER_SUCCESS) TokensChanged changed) {
        toolListChanged(new ToolListChanged());
        endWhere(listener -> listener.credential().isAgentToken(changed.tokenId()));
    }

    private void endWhere(Predicate<Listener> ending) {
        for (Listener listener : open) {
            if (ending.test(listener) && open.remove(listener)) {
                end(listener);
            }
        }
    }

    void toolListChanged(@Observes ToolListChanged changed) {
        // a session's message goes to one of its streams: the newest
        Map<String, Listener> newestOfSession = new HashMap<>();
        for (Listener listener : open) {
            if (listener.sessionId() != null) {
                newestOfSession.merge(listener.sessionId(), listener,
                        (one, other) -> one.openedNanos() - other.openedNanos() >= 0 ? one : other);
            }
        }
        for (Listener listener : open) {
            if (listener.toolsListChanged() && (listener.sessionId() == null
                    || newestOfSession.get(listener.sessionId()) == listener)) {
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

    /**
     * Drops the streams whose client went away, ends those past their age, their credential's expiry or their
     * session, and keeps the rest alive.
     */
    void tick() {
        long now = nanoClock.getAsLong();
        Instant today = wallClock.get();
        for (Listener listener : open) {
            Instant expiresAt = listener.credential().expiresAt();
            if (listener.out().isClosed()) {
                open.remove(listener);
            } else if (now - listener.openedNanos() > maxAgeNanos || expiresAt != null && !today.isBefore(expiresAt)
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
