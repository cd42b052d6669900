package io.mcpee.transport;

import io.mcpee.api.ToolListChanged;
import io.mcpee.tokens.TokensChanged;
import jakarta.json.Json;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ListeningStreamsTest {
    private static final ListeningStreams.Credential TOKEN_7 = new ListeningStreams.Credential("AGENT_TOKEN", "7",
            null);
    private static final String CHANGED = "{\"jsonrpc\":\"2.0\",\"method\":\"notifications/tools/list_changed\","
            + "\"params\":{}}";

    private final AtomicLong now = new AtomicLong();
    private final Set<String> liveSessions = new HashSet<>(Set.of("s1", "s2"));
    private final AtomicReference<Instant> today = new AtomicReference<>(Instant.parse("2026-12-07T10:00:00Z"));
    private final ListeningStreams streams = new ListeningStreams(liveSessions::contains, Duration.ofMinutes(30), 3,
            now::get, today::get);

    /** What a stream was sent: messages as they are, comments as ": text". */
    private static final class Recorded implements ListeningStreams.EventOut {
        final List<String> sent = new ArrayList<>();
        boolean closed;

        @Override
        public void message(String json) {
            sent.add(json);
        }

        @Override
        public void comment(String text) {
            sent.add(": " + text);
        }

        @Override
        public boolean isClosed() {
            return closed;
        }

        @Override
        public void close() {
            closed = true;
        }
    }

    @Test
    void aSubscriptionIsAcknowledgedAndGetsOnlyWhatItAskedForTaggedWithItsId() {
        Recorded tools = new Recorded();
        Recorded prompts = new Recorded();
        assertTrue(streams.openSubscription(Json.createValue("sub-1"), true, TOKEN_7, tools));
        assertTrue(streams.openSubscription(Json.createValue(7), false, TOKEN_7, prompts));
        streams.toolListChanged(new ToolListChanged());

        assertEquals(List.of("{\"jsonrpc\":\"2.0\",\"method\":\"notifications/subscriptions/acknowledged\","
                        + "\"params\":{\"_meta\":{\"io.modelcontextprotocol/subscriptionId\":\"sub-1\"},"
                        + "\"notifications\":{\"toolsListChanged\":true}}}",
                "{\"jsonrpc\":\"2.0\",\"method\":\"notifications/tools/list_changed\",\"params\":{\"_meta\":"
                        + "{\"io.modelcontextprotocol/subscriptionId\":\"sub-1\"}}}"), tools.sent);
        assertEquals(List.of("{\"jsonrpc\":\"2.0\",\"method\":\"notifications/subscriptions/acknowledged\","
                + "\"params\":{\"_meta\":{\"io.modelcontextprotocol/subscriptionId\":7},\"notifications\":{}}}"),
                prompts.sent, "agreed to nothing it can send, and sent nothing");
    }

    @Test
    void aSessionsMessageGoesToItsNewestStreamAndItsStreamsEndWithIt() {
        Recorded first = new Recorded();
        Recorded second = new Recorded();
        Recorded other = new Recorded();
        streams.openForSession("s1", TOKEN_7, first);
        now.incrementAndGet();
        streams.openForSession("s1", TOKEN_7, second);
        streams.openForSession("s2", TOKEN_7, other);
        streams.toolListChanged(new ToolListChanged());
        assertEquals(List.of(": stream open"), first.sent, "each message on one stream of the session only");
        assertEquals(List.of(": stream open", CHANGED), second.sent);
        assertEquals(List.of(": stream open", CHANGED), other.sent);

        streams.sessionEnded("s1");
        assertTrue(first.closed);
        assertTrue(second.closed);
        liveSessions.remove("s2");
        streams.tick();
        assertTrue(other.closed, "a session that expired takes its stream along at the next tick");
    }

    @Test
    void ticksKeepStreamsAliveDropClosedOnesAndEndOldOnesGracefully() {
        Recorded subscription = new Recorded();
        Recorded gone = new Recorded();
        streams.openSubscription(Json.createValue(1), true, TOKEN_7, subscription);
        streams.openForSession("s1", TOKEN_7, gone);
        gone.closed = true;
        now.addAndGet(Duration.ofMinutes(10).toNanos());
        streams.tick();
        assertEquals(": keep-alive", subscription.sent.get(subscription.sent.size() - 1));
        assertEquals(List.of(": stream open"), gone.sent, "a stream whose client went away is only dropped");

        now.addAndGet(Duration.ofMinutes(21).toNanos());
        streams.tick();
        assertEquals("{\"jsonrpc\":\"2.0\",\"id\":1,\"result\":{\"resultType\":\"complete\",\"_meta\":"
                + "{\"io.modelcontextprotocol/subscriptionId\":1}}}", subscription.sent.get(subscription.sent.size() - 1));
        assertTrue(subscription.closed, "past its age, with its closing result");
        int before = subscription.sent.size();
        streams.toolListChanged(new ToolListChanged());
        assertEquals(before, subscription.sent.size(), "an ended stream hears nothing more");
    }

    @Test
    void aChangedTokensStreamsHearOfItThenEndOthersGoOn() {
        Recorded changedToken = new Recorded();
        Recorded otherToken = new Recorded();
        Recorded person = new Recorded();
        streams.openSubscription(Json.createValue(1), true, TOKEN_7, changedToken);
        streams.openForSession("s1", new ListeningStreams.Credential("AGENT_TOKEN", "8", null), otherToken);
        streams.openForSession("s2", new ListeningStreams.Credential("JWT", "ada", null), person);
        streams.tokensChanged(new TokensChanged(7L));

        assertEquals(List.of("{\"jsonrpc\":\"2.0\",\"method\":\"notifications/tools/list_changed\",\"params\":{"
                + "\"_meta\":{\"io.modelcontextprotocol/subscriptionId\":1}}}", "{\"jsonrpc\":\"2.0\",\"id\":1,"
                + "\"result\":{\"resultType\":\"complete\",\"_meta\":{\"io.modelcontextprotocol/subscriptionId\":1}}}"),
                changedToken.sent.subList(1, 3), "told, then ended with its closing result");
        assertTrue(changedToken.closed);
        assertFalse(otherToken.closed);
        assertEquals(CHANGED, otherToken.sent.get(1));

        streams.tokensChanged(new TokensChanged(null));
        assertTrue(otherToken.closed, "several tokens changed: every agent token's stream ends");
        assertFalse(person.closed, "a JWT's stream goes on");
    }

    @Test
    void aStreamEndsWhenItsCredentialExpires() {
        Recorded expiring = new Recorded();
        streams.openForSession("s1", new ListeningStreams.Credential("JWT", "ada",
                today.get().plusSeconds(20)), expiring);
        streams.tick();
        assertFalse(expiring.closed);
        today.set(today.get().plusSeconds(20));
        streams.tick();
        assertTrue(expiring.closed);
    }

    @Test
    void noMoreStreamsThanAllowed() {
        for (int i = 0; i < 3; i++) {
            assertTrue(streams.openSubscription(Json.createValue(i), true, TOKEN_7, new Recorded()));
        }
        Recorded refused = new Recorded();
        assertFalse(streams.openSubscription(Json.createValue(3), true, TOKEN_7, refused));
        assertTrue(refused.sent.isEmpty());
    }
}
