package io.mcpee.results;

import io.mcpee.api.McpTool;
import io.mcpee.api.Sensitive;
import io.mcpee.protocol.CallToolResult;
import io.mcpee.protocol.Content;
import io.mcpee.protocol.JsonText;
import io.mcpee.tools.ToolDefinition;
import io.mcpee.tools.ToolFactoryTest;
import io.mcpee.tools.ToolRegistry;
import jakarta.json.JsonObject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What the Redactor masks in tool arguments and messages: names, {@code @Sensitive}, and secret-looking values. */
public class RedactorTest {
    static final String AGENT_TOKEN = "mcp_0123456789abcdef_" + "0123456789abcdef".repeat(4);
    static final String JWT = "eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJhZGEifQ.c2lnbmF0dXJlLXNpZ25hdHVyZQ";
    static final String CARD = "4111 1111 1111 1111";

    public record Pin(@Sensitive String code, String label) {
    }

    public record Account(String holder, @Sensitive(unlessRole = "accounts:pii") String iban, List<Pin> pins,
                          Map<String, Pin> byName, Account parent) {
    }

    @Path("accounts")
    @Produces("application/json")
    @Consumes("application/json")
    public static class Resource {
        @POST
        @McpTool(name = "open")
        public void open(@QueryParam("otp") @Sensitive String otp, @QueryParam("note") String note,
                         Account account) {
        }
    }

    private static final Map<String, ToolDefinition> TOOLS = ToolFactoryTest.tools(Resource.class);
    private final Redactor redactor = new Redactor(TOOLS::get, Redactor.DEFAULT_NAMES);

    private static JsonObject json(String text) {
        return JsonText.parseObject(text.replace('\'', '"'));
    }

    @Test
    void namedPropertiesAreMaskedAtAnyDepthCaseInsensitivelyAndWhole() {
        JsonObject redacted = redactor.arguments("unknown_tool", json("{'password':'hunter22','user':{'API_KEY':'k1',"
                + "'Authorization':'Basic eDp5','tokens':'kept','passwordHint':'kept','token':null},"
                + "'items':[{'Secret':{'a':1}},{'cvv':123,'pin':'0000'}]}"));
        assertEquals(json("{'password':'***','user':{'API_KEY':'***','Authorization':'***','tokens':'kept',"
                + "'passwordHint':'kept','token':null},'items':[{'Secret':'***'},{'cvv':'***','pin':'***'}]}"),
                redacted, "null stays null: there is nothing to hide");
    }

    @Test
    void theConfiguredNamesReplaceTheDefaults() {
        // as MicroProfile Config gives mcpee.redaction.names
        Redactor configured = new Redactor(new ToolRegistry() {}, Optional.of(" passphrase ,, OTP"));
        assertEquals(json("{'passphrase':'***','password':'kept','otp':'***'}"),
                configured.redact(json("{'passphrase':'x y z','password':'kept','otp':'1234'}")));
    }

    @Test
    void sensitiveParametersAndPropertiesAreMaskedWhateverTheirRole() {
        JsonObject arguments = json("{'otp':'998877','note':'hello','account':{'holder':'Ada','iban':'GB33BUKB2020',"
                + "'pins':[{'code':'1111','label':'a'},{'code':null,'label':'b'}],"
                + "'byName':{'x':{'code':'2222','label':'c'}},"
                + "'parent':{'holder':'Bob','iban':'DE89370400','parent':{'iban':'FR7630006'}}}}");
        JsonObject redacted = redactor.arguments("open", arguments);
        assertEquals(json("{'otp':'***','note':'hello','account':{'holder':'Ada','iban':'***',"
                + "'pins':[{'code':'***','label':'a'},{'code':null,'label':'b'}],"
                + "'byName':{'x':{'code':'***','label':'c'}},"
                + "'parent':{'holder':'Bob','iban':'***','parent':{'iban':'***'}}}}"), redacted,
                "nested records, list items, map values and a class that contains itself");
        assertTrue(arguments.toString().contains("998877"), "the arguments given are not changed");
        assertFalse(redactor.arguments("unknown", arguments).toString().contains("***"),
                "an unknown tool has no annotations to follow; nothing here matches a name or pattern");
    }

    @Test
    void secretLookingValuesAreMaskedInsideAnyString() {
        JsonObject redacted = redactor.arguments("open", json("{'note':'Bearer " + AGENT_TOKEN + "',"
                + "'account':{'holder':'" + JWT + "','pins':[{'label':'card " + CARD + " exp 12/30'}]}}"));
        assertEquals(json("{'note':'Bearer ***','account':{'holder':'***','pins':[{'label':'card *** exp 12/30'}]}}"),
                redacted);
        assertEquals(json("{'n':'***','m':4111111111111112}"),
                redactor.redact(json("{'n':4111111111111111,'m':4111111111111112}")), "card numbers as numbers too");
    }

    @Test
    void cardNumbersNeedThirteenToNineteenDigitsThatPassLuhn() {
        assertEquals("***", redactor.text("4111111111111111"));
        assertEquals("***", redactor.text("4111-1111-1111-1111"));
        assertEquals("***", redactor.text("4222222222222"), "13 digits");
        assertEquals("***", redactor.text("6011000990139424"));
        assertEquals("paid with *** and *** today",
                redactor.text("paid with 4111 1111 1111 1111 and 5555-5555-5555-4444 today"));
        assertEquals("*** 2030", redactor.text("4111 1111 1111 1111 2030"), "a longer run: only the card");
        // 41111111111111111115 passes Luhn but has 20 digits
        for (String kept : List.of("4111 1111 1111 1112", "411111111111", "41111111111111111115",
                "+44 20 7946 0000", "2026-11-25", "123e4567-e89b-12d3-a456-426614174000", "ORDER4111111111111111",
                "4111111111111111x", "1234567890123")) {
            assertEquals(kept, redactor.text(kept), kept);
        }
        assertTrue(Redactor.isCardNumber("4111111111111111"));
        assertFalse(Redactor.isCardNumber("4111111111111121"), "one digit off fails Luhn");
        assertFalse(Redactor.isCardNumber("0000000000"), "too short even though the sum is 0");
        assertFalse(Redactor.isCardNumber("00000000000000000000"), "too long even though the sum is 0");
    }

    @Test
    void tokensAndJwtsAreMaskedInText() {
        assertEquals("token *** and *** end",
                redactor.text("token " + AGENT_TOKEN + " and " + JWT + " end"));
        assertEquals("mcp_0123456789abcdef_short", redactor.text("mcp_0123456789abcdef_short"), "not a token");
        assertEquals("eyJonly.one", redactor.text("eyJonly.one"), "two segments are not a JWT");
        assertEquals("monkeyJ.x.y", redactor.text("monkeyJ.x.y"), "inside a word");
        String plain = "HTTP 404 Not Found: Customer 7 not found";
        assertSame(plain, redactor.text(plain), "nothing to mask: the same text");
    }

    @Test
    void errorMessagesLoseEchoedSecretsAndSecretLookingText() {
        JsonObject arguments = json("{'otp':'998877','note':'n','account':{'holder':'Ada','iban':'GB33BUKB2020'}}");
        CallToolResult scrubbed = redactor.scrub(CallToolResult.error("HTTP 400 Bad Request: otp 998877 expired; "
                + "IBAN GB33BUKB2020 unknown for Ada; card " + CARD + "; token " + AGENT_TOKEN), TOOLS.get("open"),
                arguments);
        assertEquals(List.of(new Content.Text("HTTP 400 Bad Request: otp *** expired; IBAN *** unknown for Ada; "
                + "card ***; token ***")), scrubbed.content());
        assertTrue(scrubbed.isError());
    }

    @Test
    void aLoggedFailureKeepsItsClassesAndStackButLosesTheSecretsInEveryMessage() {
        JsonObject arguments = json("{'otp':'998877','note':'n'}");
        IllegalStateException failure = new IllegalStateException("otp 998877 refused for " + AGENT_TOKEN,
                new IllegalArgumentException("card " + CARD));
        Throwable logged = Redactor.forLog(failure, redactor.scrubber(TOOLS.get("open"), arguments));
        assertEquals("java.lang.IllegalStateException: otp *** refused for ***", logged.toString());
        assertEquals("java.lang.IllegalArgumentException: card ***", logged.getCause().toString());
        assertEquals(List.of(failure.getStackTrace()), List.of(logged.getStackTrace()));
        java.io.StringWriter printed = new java.io.StringWriter();
        logged.printStackTrace(new java.io.PrintWriter(printed));
        assertFalse(printed.toString().contains("998877") || printed.toString().contains(AGENT_TOKEN),
                printed.toString());
        assertTrue(printed.toString().contains("Caused by: java.lang.IllegalArgumentException: card ***"));
    }
}
