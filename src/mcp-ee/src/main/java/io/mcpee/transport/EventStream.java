package io.mcpee.transport;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

/**
 * The {@code text/event-stream} answer to one request: the messages sent before its response, then the response.
 * Each message is one {@code data:} line (JSON has no raw line breaks), flushed at once so that the agent sees
 * progress as it happens. A failed write means the agent closed the stream; later sends are dropped.
 */
final class EventStream {
    /** How often {@link #closedByClient()} may write a comment to find out, in nanoseconds. */
    private static final long PROBE_INTERVAL_NANOS = 1_000_000_000L;

    private final OutputStream out;
    private boolean closed;
    private long lastWriteNanos = System.nanoTime();

    EventStream(OutputStream out) {
        this.out = out;
    }

    /** Sends one JSON-RPC message; false when the agent has closed the stream. */
    synchronized boolean send(String json) {
        return write("event: message\ndata: " + json + "\n\n");
    }

    /**
     * Whether the agent has closed the stream. A closed connection shows only when written to, so this writes an
     * SSE comment (which clients ignore) when nothing was written for a second.
     */
    synchronized boolean closedByClient() {
        if (!closed && System.nanoTime() - lastWriteNanos > PROBE_INTERVAL_NANOS) {
            write(": still working\n\n");
        }
        return closed;
    }

    private boolean write(String text) {
        if (closed) {
            return false;
        }
        try {
            out.write(text.getBytes(StandardCharsets.UTF_8));
            out.flush();
            lastWriteNanos = System.nanoTime();
            return true;
        } catch (IOException e) {
            closed = true;
            return false;
        }
    }
}
