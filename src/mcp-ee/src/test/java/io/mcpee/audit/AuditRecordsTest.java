package io.mcpee.audit;

import io.mcpee.protocol.JsonText;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The static helpers that make an audit record fit its columns: arguments, texts, the request id. */
class AuditRecordsTest {

    private static JsonObject json(String text) {
        return JsonText.parseObject(text.replace('\'', '"'));
    }

    private static List<String> names(JsonObject summary) {
        return summary.getJsonArray("properties").getValuesAs(JsonString::getString);
    }

    // arguments

    @Test
    void shortArgumentsAreKeptAsTheirJson() {
        JsonObject arguments = json("{'id':7,'customer':{'name':'Ada','tags':['a','b']},'note':null}");
        String stored = AuditRecords.arguments(arguments, 256);
        assertEquals(arguments.toString(), stored);
        assertEquals(arguments, JsonText.parseObject(stored));
        assertEquals("{}", AuditRecords.arguments(JsonValue.EMPTY_JSON_OBJECT, 256));
    }

    @Test
    void argumentsOfExactlyTheMaximumAreKept() {
        JsonObject arguments = json("{'text':'" + "x".repeat(300) + "'}");
        int length = arguments.toString().length();
        assertEquals(arguments.toString(), AuditRecords.arguments(arguments, length));
        assertTrue(AuditRecords.arguments(arguments, length - 1).contains("$truncated"));
    }

    @Test
    void longArgumentsBecomeASummaryOfSizeAndNames() {
        JsonObject arguments = json("{'id':7,'name':'Ada','body':'" + "x".repeat(1000) + "','tags':['a']}");
        String stored = AuditRecords.arguments(arguments, 256);
        JsonObject summary = JsonText.parseObject(stored);
        assertEquals(JsonValue.TRUE, summary.get("$truncated"));
        assertEquals(arguments.toString().length(), summary.getInt("chars"));
        assertEquals(List.of("id", "name", "body", "tags"), names(summary));
        assertEquals(3, summary.size(), stored);
        assertTrue(stored.length() <= 256, stored);
    }

    @Test
    void theSummaryListsTheFirstNamesThatFitInHalfTheMaximum() {
        // 20 names of 10 characters: 13 each, 128 of room at 256 -> 9 fit
        var builder = JsonText.BUILDERS.createObjectBuilder();
        List<String> all = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            String name = "property%02d".formatted(i);
            all.add(name);
            builder.add(name, "v".repeat(50));
        }
        JsonObject arguments = builder.build();
        String stored = AuditRecords.arguments(arguments, 256);
        JsonObject summary = JsonText.parseObject(stored);
        assertEquals(all.subList(0, 9), names(summary));
        assertTrue(stored.length() <= 256, stored);
    }

    @Test
    void aNameTooLongForTheSummaryEndsTheList() {
        JsonObject arguments = json("{'a':1,'" + "n".repeat(500) + "':2,'b':3}");
        JsonObject summary = JsonText.parseObject(AuditRecords.arguments(arguments, 256));
        assertEquals(List.of("a"), names(summary));
        assertEquals(arguments.toString().length(), summary.getInt("chars"));
    }

    @ParameterizedTest
    @ValueSource(ints = {256, 300, 1000, 4096, 65536})
    void theSummaryIsValidJsonNoLongerThanTheMaximum(int max) {
        var builder = JsonText.BUILDERS.createObjectBuilder();
        for (int i = 0; i < 5000; i++) {
            builder.add("field_" + i + "_é\"\\", "value " + i);
        }
        JsonObject arguments = builder.build();
        String stored = AuditRecords.arguments(arguments, max);
        assertTrue(stored.length() <= max, stored.length() + " > " + max);
        JsonObject summary = JsonText.parseObject(stored);
        assertEquals(arguments.toString().length(), summary.getInt("chars"));
        List<String> names = names(summary);
        assertTrue(!names.isEmpty() && names.size() < 5000, names.toString());
        assertEquals(new ArrayList<>(arguments.keySet()).subList(0, names.size()), names);
    }

    // fit

    @Test
    void fitKeepsNullAndShortTexts() {
        assertNull(AuditRecords.fit(null, 10));
        assertEquals("", AuditRecords.fit("", 10));
        String shortText = "abc";
        assertSame(shortText, AuditRecords.fit(shortText, 10));
        String exact = "0123456789";
        assertSame(exact, AuditRecords.fit(exact, 10));
    }

    @Test
    void fitCutsLongTextsToExactlyTheMaximumWithAnEllipsis() {
        String cut = AuditRecords.fit("0123456789A", 10);
        assertEquals("0123456...", cut);
        assertEquals(10, cut.length());
        String longer = AuditRecords.fit("x".repeat(5000), 64);
        assertEquals(64, longer.length());
        assertTrue(longer.endsWith("..."));
        assertEquals("x".repeat(61), longer.substring(0, 61));
    }

    // requestId

    @Test
    void theRequestIdIsTheValueOfTheJsonRpcId() {
        assertEquals("7", AuditRecords.requestId("7"));
        assertEquals("-12", AuditRecords.requestId("-12"));
        assertEquals("abc", AuditRecords.requestId("\"abc\""));
        assertEquals("7", AuditRecords.requestId("\"7\""), "the string and the number alike");
        assertEquals("", AuditRecords.requestId("\"\""));
        assertEquals("a\"b\\c", AuditRecords.requestId("\"a\\\"b\\\\c\""));
        assertNull(AuditRecords.requestId(null));
    }

    @Test
    void controlCharactersOfAStringIdAreReplaced() {
        assertEquals("a?b?c", AuditRecords.requestId("\"a\\u0001b\\nc\""));
        assertEquals("??", AuditRecords.requestId("\"\\r\\t\""));
    }

    // printable

    @Test
    void printableReplacesControlCharactersOnly() {
        assertEquals("search_customers", AuditRecords.printable("search_customers"));
        assertEquals("a?b?c?d?e", AuditRecords.printable("a\nb\rc\u0000d\u007fe"));
        assertEquals("??", AuditRecords.printable("\t\u001b"));
        assertEquals("Zoë 名前 🙂", AuditRecords.printable("Zoë 名前 🙂"));
        assertEquals("", AuditRecords.printable(""));
    }
}
