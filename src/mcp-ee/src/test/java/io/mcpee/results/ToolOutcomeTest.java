package io.mcpee.results;

import io.mcpee.protocol.CallToolResult;
import io.mcpee.protocol.Content;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The one rule from a call's HTTP status (and its result) to the outcome the audit log records. */
class ToolOutcomeTest {
    private static final CallToolResult OK = CallToolResult.json("{\"id\":1}");

    @ParameterizedTest
    @CsvSource({
            "100, SUCCESS", "200, SUCCESS", "201, SUCCESS", "204, SUCCESS", "302, SUCCESS", "399, SUCCESS",
            "401, DENIED", "403, DENIED",
            "400, INVALID", "422, INVALID",
            "402, ERROR", "404, ERROR", "405, ERROR", "409, ERROR", "429, ERROR", "500, ERROR", "503, ERROR",
            "504, ERROR", "599, ERROR",
    })
    void theStatusDecidesForAResultThatIsNoError(int status, Outcome expected) {
        assertEquals(expected, new ToolOutcome(status, OK).outcome());
    }

    @ParameterizedTest
    @CsvSource({
            "200, ERROR", "204, ERROR", "399, ERROR",
            "401, DENIED", "403, DENIED", "400, INVALID", "422, INVALID", "404, ERROR", "500, ERROR",
    })
    void anErrorResultBelow400IsAnErrorAbove400TheStatusStillDecides(int status, Outcome expected) {
        assertEquals(expected, ToolOutcome.error(status, "failed").outcome());
    }

    @Test
    void theFactoriesSetStatusAndErrorResult() {
        ToolOutcome denied = ToolOutcome.denied("no right");
        assertEquals(403, denied.status());
        assertEquals(Outcome.DENIED, denied.outcome());
        assertTrue(denied.result().isError());
        assertEquals("no right", denied.errorMessage());

        ToolOutcome invalid = ToolOutcome.invalid("bad argument");
        assertEquals(400, invalid.status());
        assertEquals(Outcome.INVALID, invalid.outcome());
        assertEquals("bad argument", invalid.errorMessage());

        ToolOutcome error = ToolOutcome.error(503, "unavailable");
        assertEquals(503, error.status());
        assertEquals(Outcome.ERROR, error.outcome());
        assertEquals("unavailable", error.errorMessage());
    }

    @Test
    void aSuccessfulCallHasNoErrorMessage() {
        assertNull(new ToolOutcome(200, OK).errorMessage());
        assertNull(new ToolOutcome(404, OK).errorMessage(), "only the result's isError makes a message");
        assertNull(new ToolOutcome(200, new CallToolResult(List.of(new Content.Text("fine")), null, false))
                .errorMessage());
    }

    @Test
    void theErrorMessageIsTheFirstText() {
        CallToolResult result = new CallToolResult(List.of(new Content.Image("aGk=", "image/png"),
                new Content.Text("first"), new Content.Text("second")), null, true);
        assertEquals("first", new ToolOutcome(500, result).errorMessage());
    }

    @Test
    void anErrorWithoutTextHasNoMessage() {
        assertNull(new ToolOutcome(500, new CallToolResult(List.of(), null, true)).errorMessage());
        assertNull(new ToolOutcome(500, new CallToolResult(List.of(new Content.Image("aGk=", "image/png")), null,
                true)).errorMessage());
    }

    @ParameterizedTest
    @ValueSource(ints = {Integer.MIN_VALUE, -200, 0, 99, 600, 1000, Integer.MAX_VALUE})
    void rejectsWhatIsNotAnHttpStatus(int status) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new ToolOutcome(status, OK));
        assertTrue(e.getMessage().contains(String.valueOf(status)), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> ToolOutcome.error(status, "x"));
    }

    @Test
    void acceptsTheWholeRange() {
        assertEquals(100, new ToolOutcome(100, OK).status());
        assertEquals(599, new ToolOutcome(599, OK).status());
    }

    @Test
    void rejectsANullResult() {
        NullPointerException e = assertThrows(NullPointerException.class, () -> new ToolOutcome(200, null));
        assertEquals("result is null", e.getMessage());
    }
}
