package io.mcpee.audit;

import io.mcpee.protocol.JsonText;
import io.mcpee.results.Outcome;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The JSON line {@code mcpee.audit} gets for every entry: valid JSON, every field, one line. */
class AuditLogTest {
    private static final Instant AT = Instant.parse("2025-06-01T12:34:56.789Z");

    private static AuditRecord full() {
        return new AuditRecord(42L, AT, new AuditRecord.Actor("ada", "AGENT_TOKEN", "tok-1", "ci bot"),
                AuditRecord.Act.toolCall("update_customer", "PUT /api/customers/{id}",
                        "{\"id\":7,\"patch\":{\"name\":\"Ada\",\"vip\":true},\"password\":\"***\"}"),
                new AuditRecord.Ending(Outcome.INVALID, 422, "name: must not be blank", 1234L),
                new AuditRecord.Origin("203.0.113.9", "sess-1", "7", "claude-code", "1.2.3"));
    }

    private static AuditRecord minimal() {
        return new AuditRecord(null, AT, new AuditRecord.Actor("anonymous", "ANONYMOUS", null, null),
                AuditRecord.Act.toolCall("ping", null, "{}"), new AuditRecord.Ending(Outcome.SUCCESS, 200, null, 0L),
                AuditRecord.Origin.address(null));
    }

    private static JsonObject parse(String line) {
        assertFalse(line.contains("\n") || line.contains("\r"), "one line: " + line);
        return JsonText.parseObject(line);
    }

    @Test
    void everyFieldWithItsValue() {
        JsonObject line = parse(AuditLog.line(full(), true));
        assertEquals("tools/call", line.getString("event"));
        assertEquals(42, line.getJsonNumber("id").longValueExact());
        assertEquals("2025-06-01T12:34:56.789Z", line.getString("timestamp"));
        assertEquals("ada", line.getString("user"));
        assertEquals("AGENT_TOKEN", line.getString("credentialKind"));
        assertEquals("tok-1", line.getString("credentialId"));
        assertEquals("ci bot", line.getString("credentialName"));
        assertEquals("update_customer", line.getString("tool"));
        assertEquals("PUT /api/customers/{id}", line.getString("target"));
        assertEquals(JsonText.parseObject("{\"id\":7,\"patch\":{\"name\":\"Ada\",\"vip\":true},\"password\":\"***\"}"),
                line.getJsonObject("arguments"), "embedded as an object, not a string");
        assertEquals("INVALID", line.getString("outcome"));
        assertEquals(422, line.getInt("status"));
        assertEquals("name: must not be blank", line.getString("error"));
        assertEquals(1234, line.getJsonNumber("durationMs").longValueExact());
        assertEquals("203.0.113.9", line.getString("clientIp"));
        assertEquals("sess-1", line.getString("sessionId"));
        assertEquals("7", line.getString("requestId"));
        assertEquals("claude-code", line.getString("clientName"));
        assertEquals("1.2.3", line.getString("clientVersion"));
        assertEquals(JsonValue.TRUE, line.get("stored"));
        assertEquals(Set.of("event", "id", "timestamp", "user", "credentialKind", "credentialId", "credentialName",
                "tool", "target", "arguments", "outcome", "status", "error", "durationMs", "clientIp", "sessionId",
                "requestId", "clientName", "clientVersion", "stored"), line.keySet());
    }

    @Test
    void nullFieldsAreLeftOut() {
        JsonObject line = parse(AuditLog.line(minimal(), false));
        assertEquals(Set.of("event", "timestamp", "user", "credentialKind", "tool", "arguments", "outcome", "status",
                "durationMs", "stored"), line.keySet());
        assertEquals("anonymous", line.getString("user"));
        assertEquals(JsonValue.EMPTY_JSON_OBJECT, line.getJsonObject("arguments"));
        assertEquals("SUCCESS", line.getString("outcome"));
        assertEquals(200, line.getInt("status"));
        assertEquals(0, line.getInt("durationMs"));
    }

    @Test
    void storedSaysWhetherTheEntryReachedTheDatabase() {
        assertEquals(JsonValue.TRUE, parse(AuditLog.line(minimal(), true)).get("stored"));
        assertEquals(JsonValue.FALSE, parse(AuditLog.line(minimal(), false)).get("stored"));
        // the entry written instead of one that was refused
        JsonObject failed = parse(AuditLog.line(full().failed(503, "audit log unavailable"), false));
        assertEquals("ERROR", failed.getString("outcome"));
        assertEquals(503, failed.getInt("status"));
        assertEquals("audit log unavailable", failed.getString("error"));
        assertFalse(failed.containsKey("id"));
        assertEquals(JsonValue.FALSE, failed.get("stored"));
    }

    @Test
    void valuesAreEscapedSoAnEntryIsOneLine() {
        String nasty = "a\"b\\c\nd\re\tf\u0000g\u001fh\u2028i\u2029j é 名前 🙂 </script> {\"x\":1}";
        String arguments = JsonText.BUILDERS.createObjectBuilder().add("q", "x\ny\"z\u0001\u2028 🙂").build()
                .toString();
        AuditRecord record = new AuditRecord(1L, AT, new AuditRecord.Actor(nasty, "TOKEN", nasty, nasty),
                new AuditRecord.Act(Channel.ADMIN, nasty, nasty, arguments, nasty, nasty),
                new AuditRecord.Ending(Outcome.ERROR, 500, nasty, 5L),
                new AuditRecord.Origin(nasty, nasty, nasty, nasty, nasty));
        String text = AuditLog.line(record, true);
        JsonObject line = parse(text);
        assertEquals("admin", line.getString("event"));
        for (String field : List.of("user", "credentialId", "credentialName", "tool", "target", "httpMethod", "path",
                "error", "clientIp", "sessionId", "requestId", "clientName", "clientVersion")) {
            assertEquals(nasty, line.getString(field), field);
        }
        assertEquals("x\ny\"z\u0001\u2028 🙂", line.getJsonObject("arguments").getString("q"));
        assertTrue(text.chars().noneMatch(c -> c < 0x20), "no raw control character: " + text);
        assertTrue(text.contains("\"user\":\"a\\\"b\\\\c\\nd\\re\\tf\\u0000g\\u001fh\\u2028i\\u2029j é"), text);
    }

    /** A writer without its thread (none started here) writes on the caller's thread, as when its queue is full. */
    @Test
    void writeLogsTheLineAtInfo() {
        List<LogRecord> records = capture(() -> {
            new AuditLogWriter().write(full(), true);
            AuditLog.writeUnauthenticated(AT, AT.plusSeconds(60), "203.0.113.9", 12345);
        });
        assertEquals(2, records.size());
        assertEquals(Level.INFO, records.get(0).getLevel());
        assertEquals(AuditLog.line(full(), true), records.get(0).getMessage());
        JsonObject tally = parse(records.get(1).getMessage());
        assertEquals(JsonText.parseObject("{\"event\":\"unauthenticated\","
                + "\"periodStart\":\"2025-06-01T12:34:56.789Z\",\"periodEnd\":\"2025-06-01T12:35:56.789Z\","
                + "\"clientIp\":\"203.0.113.9\",\"requests\":12345}"), tally);
    }

    @Test
    void nothingIsWrittenWhenInfoIsOff() {
        Level level = AuditLog.LOG.getLevel();
        AuditLog.LOG.setLevel(Level.WARNING);
        try {
            assertEquals(List.of(), capture(() -> new AuditLogWriter().write(full(), true)));
        } finally {
            AuditLog.LOG.setLevel(level);
        }
    }

    private static List<LogRecord> capture(Runnable action) {
        List<LogRecord> records = new ArrayList<>();
        Handler handler = new Handler() {
            @Override
            public void publish(LogRecord record) {
                records.add(record);
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        boolean parents = AuditLog.LOG.getUseParentHandlers();
        AuditLog.LOG.addHandler(handler);
        AuditLog.LOG.setUseParentHandlers(false);
        try {
            action.run();
        } finally {
            AuditLog.LOG.removeHandler(handler);
            AuditLog.LOG.setUseParentHandlers(parents);
        }
        return records;
    }
}
