package io.mcpee.transport;

import io.mcpee.protocol.ErrorCode;
import io.mcpee.protocol.JsonText;
import io.mcpee.protocol.ProtocolException;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The sealed requestState: what it carries comes back only to the call and caller it was issued to, unchanged. */
class RequestStatesTest {
    private static final byte[] KEY = "0123456789abcdef0123456789abcdef".getBytes();
    private static final Instant NOW = Instant.parse("2026-12-07T10:00:00Z");
    private static final Map<String, JsonObject> ANSWERS = Map.of("approval",
            JsonText.parseObject("{\"action\":\"accept\",\"content\":{\"approved\":true}}"));

    private final RequestStates states = new RequestStates(KEY, Clock.fixed(NOW, ZoneOffset.UTC));

    @Test
    void aStateOpensForItsCallAndCaller() {
        String state = states.seal("approve_payment", "ada", ANSWERS);
        assertEquals(ANSWERS, states.open(state, "approve_payment", "ada"));
    }

    @Test
    void aChangedBorrowedOrForeignStateIsRefused() {
        String state = states.seal("approve_payment", "ada", ANSWERS);
        String body = state.substring(0, state.indexOf('.'));
        String forged = JsonText.BUILDERS.createObjectBuilder().build().toString();
        for (String bad : new String[] {state + "x", state.replace('.', '!'), "", ".", "no-dot",
                Base64.getUrlEncoder().withoutPadding().encodeToString(forged.getBytes()) + "."
                        + state.substring(state.indexOf('.') + 1), body + "." + body}) {
            assertInvalid(() -> states.open(bad, "approve_payment", "ada"));
        }
        assertInvalid(() -> states.open(state, "approve_payment", "bob"));
        assertInvalid(() -> states.open(state, "delete_customer", "ada"));
        RequestStates otherKey = new RequestStates("fedcba9876543210fedcba9876543210".getBytes(),
                Clock.fixed(NOW, ZoneOffset.UTC));
        assertInvalid(() -> otherKey.open(state, "approve_payment", "ada"));
    }

    @Test
    void aStateExpiresAfterTenMinutes() {
        String state = states.seal("approve_payment", "ada", ANSWERS);
        RequestStates later = new RequestStates(KEY, Clock.fixed(NOW.plus(Duration.ofMinutes(10)), ZoneOffset.UTC));
        assertEquals(ANSWERS, later.open(state, "approve_payment", "ada"));
        RequestStates tooLate = new RequestStates(KEY, Clock.fixed(NOW.plus(Duration.ofMinutes(11)),
                ZoneOffset.UTC));
        assertInvalid(() -> tooLate.open(state, "approve_payment", "ada"));
    }

    @Test
    void aConfiguredKeyMustBeLongEnoughAndIsNeverEchoed() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new RequestStates(Optional.of("c2hvcnQ=")));
        assertTrue(e.getMessage().startsWith("mcpee.mcp.request-state-key") && !e.getMessage().contains("c2hvcnQ"));
        new RequestStates(Optional.of(Base64.getEncoder().encodeToString(KEY)));
        new RequestStates(Optional.empty());
    }

    private static void assertInvalid(Executable opening) {
        assertEquals(ErrorCode.INVALID_PARAMS, assertThrows(ProtocolException.class, opening).code());
    }
}
