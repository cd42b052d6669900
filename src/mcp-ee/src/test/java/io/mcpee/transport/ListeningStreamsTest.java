package io.mcpee.transport;

import io.mcpee.api.ToolListChanged;
import jakarta.json.Json;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ListeningStreamsTest {
    private static final String CHANGED = "{\"jsonrpc\":\"2.0\",\"method\":\"notifications/tools/list_changed\","
            + "\"params\":{}}";

    private final AtomicLong now = new AtomicLong();
    private final Set<String> liveSessions = new HashSet<>(Set.of("s1", "s2"));
    private final ListeningStreams streams = new ListeningStreams(liveSessions::contains, Duration.ofMinutes(30), 3,
            now::get);

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
        assertTrue(streams.openSubscription(Json.createValue("sub-1"), true, tools));
        assertTrue(streams.openSubscription(Json.createValue(7), false, prompts));
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
    void aSessionHasOneStreamWhichEndsWithTheSession() {
        Recorded first = new Recorded();
        Recorded second = new Recorded();
        Recorded other = new Recorded();
        streams.openForSession("s1", first);
        streams.openForSession("s1", second);
        streams.openForSession("s2", other);
        assertTrue(first.closed, "a newer GET of the session replaces the older");
        streams.toolListChanged(new ToolListChanged());
        assertEquals(List.of(": stream open", CHANGED), second.sent);

        streams.sessionEnded("s1");
        assertTrue(second.closed);
        liveSessions.remove("s2");
        streams.tick();
        assertTrue(other.closed, "a session that expired takes its stream along at the next tick");
    }

    @Test
    void ticksKeepStreamsAliveDropClosedOnesAndEndOldOnesGracefully() {
        Recorded subscription = new Recorded();
        Recorded gone = new Recorded();
        streams.openSubscription(Json.createValue(1), true, subscription);
        streams.openForSession("s1", gone);
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
    void noMoreStreamsThanAllowed() {
        for (int i = 0; i < 3; i++) {
            assertTrue(streams.openSubscription(Json.createValue(i), true, new Recorded()));
        }
        Recorded refused = new Recorded();
        assertFalse(streams.openSubscription(Json.createValue(3), true, refused));
        assertTrue(refused.sent.isEmpty());
    }
}
