package io.mcpee.conformance;

import jakarta.annotation.security.PermitAll;
import io.mcpee.api.InputRequest;
import io.mcpee.api.LogLevel;
import io.mcpee.api.McpExchange;
import io.mcpee.api.McpTool;
import io.mcpee.api.ToolListChanged;
import jakarta.enterprise.context.RequestScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.InternalServerErrorException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.EntityPart;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.util.List;
import java.util.Map;

/**
 * The tools the official MCP conformance suite calls, written as an ordinary JAX-RS resource: no MCP types, only
 * {@code @McpTool} to give each operation the name the suite expects. Contents follow the suite's scenarios.
 */
@Path("conformance")
@RequestScoped
@PermitAll
public class ConformanceResource {
    static final String PNG = "red-pixel.png";
    static final String WAV = "tone.wav";

    @Inject
    McpExchange exchange;
    @Inject
    Event<ToolListChanged> toolLists;

    @POST
    @Path("progress")
    @Produces(MediaType.TEXT_PLAIN)
    @McpTool(name = "test_tool_with_progress", description = "Reports progress 0, 50 and 100 of 100")
    public String withProgress() throws InterruptedException {
        for (int done = 0; done <= 100; done += 50) {
            exchange.progress(done, 100.0, done + " of 100");
            Thread.sleep(50);
        }
        return "Progress test completed";
    }

    @POST
    @Path("logging")
    @Produces(MediaType.TEXT_PLAIN)
    @McpTool(name = "test_tool_with_logging", description = "Logs three messages as it works")
    public String withLogging() throws InterruptedException {
        exchange.log(LogLevel.INFO, "Tool execution started");
        Thread.sleep(50);
        exchange.log(LogLevel.INFO, "Tool processing data");
        Thread.sleep(50);
        exchange.log(LogLevel.INFO, "Tool execution completed");
        return "Logging test completed";
    }

    /** A form asking for one string property. */
    private static JsonObject form(String property) {
        return Json.createObjectBuilder().add("type", "object")
                .add("properties", Json.createObjectBuilder().add(property,
                        Json.createObjectBuilder().add("type", "string")))
                .add("required", Json.createArrayBuilder().add(property)).build();
    }

    private static InputRequest capitalQuestion(String key) {
        return InputRequest.sample(key, Json.createObjectBuilder()
                .add("messages", Json.createArrayBuilder().add(Json.createObjectBuilder().add("role", "user")
                        .add("content", Json.createObjectBuilder().add("type", "text")
                                .add("text", "What is the capital of France?"))))
                .add("maxTokens", 100).build());
    }

    @POST
    @Path("ask/elicitation")
    @Produces(MediaType.TEXT_PLAIN)
    @McpTool(name = "test_input_required_result_elicitation", description = "Asks the user for their name")
    public String askName() {
        JsonObject answer = exchange.ask(InputRequest.elicit("user_name", "What is your name?", form("name")))
                .get("user_name");
        return "Hello, " + answer.getJsonObject("content").getString("name", "stranger") + "!";
    }

    @POST
    @Path("ask/sampling")
    @Produces(MediaType.TEXT_PLAIN)
    @McpTool(name = "test_input_required_result_sampling", description = "Asks the client's model a question")
    public String askModel() {
        JsonObject answer = exchange.ask(capitalQuestion("capital_question")).get("capital_question");
        return "The model said: " + answer.getJsonObject("content").getString("text", "");
    }

    @POST
    @Path("ask/roots")
    @Produces(MediaType.TEXT_PLAIN)
    @McpTool(name = "test_input_required_result_list_roots", description = "Asks the client for its roots")
    public String askRoots() {
        JsonObject answer = exchange.ask(InputRequest.listRoots("client_roots")).get("client_roots");
        return "Roots: " + answer.getJsonArray("roots");
    }

    @POST
    @Path("ask/state")
    @Produces(MediaType.TEXT_PLAIN)
    @McpTool(name = "test_input_required_result_request_state", description = "Asks for a confirmation")
    public String askConfirmation() {
        exchange.ask(InputRequest.elicit("confirm", "Go on?", Json.createObjectBuilder().add("type", "object")
                .add("properties", Json.createObjectBuilder().add("ok", Json.createObjectBuilder()
                        .add("type", "boolean"))).build()));
        // the answer came back through the sealed requestState mcp-ee checked
        return "state-ok: confirmed";
    }

    @POST
    @Path("ask/several")
    @Produces(MediaType.TEXT_PLAIN)
    @McpTool(name = "test_input_required_result_multiple_inputs", description = "Asks three things at once")
    public String askSeveral() {
        Map<String, JsonObject> answers = exchange.ask(InputRequest.elicit("user_name", "What is your name?",
                form("name")), capitalQuestion("greeting"), InputRequest.listRoots("client_roots"));
        return "Got " + answers.keySet();
    }

    @POST
    @Path("ask/rounds")
    @Produces(MediaType.TEXT_PLAIN)
    @McpTool(name = "test_input_required_result_multi_round", description = "Asks twice, one after the other")
    public String askTwice() {
        String name = exchange.ask(InputRequest.elicit("step1", "What is your name?", form("name"))).get("step1")
                .getJsonObject("content").getString("name", "");
        String color = exchange.ask(InputRequest.elicit("step2", "Your favourite colour, " + name + "?",
                form("color"))).get("step2").getJsonObject("content").getString("color", "");
        return name + " likes " + color;
    }

    @POST
    @Path("ask/tampered")
    @Produces(MediaType.TEXT_PLAIN)
    @McpTool(name = "test_input_required_result_tampered_state", description = "Asks, for a state to tamper with")
    public String askForTampering() {
        exchange.ask(InputRequest.elicit("user_name", "What is your name?", form("name")));
        return "state-ok";
    }

    @POST
    @Path("ask/capabilities")
    @Produces(MediaType.TEXT_PLAIN)
    @McpTool(name = "test_input_required_result_capabilities", description = "Asks the user, else the model")
    public String askWhatTheClientCan() {
        InputRequest user = InputRequest.elicit("user_name", "What is your name?", form("name"));
        exchange.ask(exchange.canAsk(user) ? user : capitalQuestion("capital_question"));
        return "answered";
    }

    @POST
    @Path("ask/missing")
    @Produces(MediaType.TEXT_PLAIN)
    @McpTool(name = "test_missing_capability", description = "Needs the client's model")
    public String askWithoutCapability() {
        exchange.ask(capitalQuestion("capital_question"));
        return "answered";
    }

    @POST
    @Path("ask/streaming")
    @Produces(MediaType.TEXT_PLAIN)
    @McpTool(name = "test_streaming_elicitation", description = "Asks the user for their name")
    public String askOnAStream() {
        exchange.ask(InputRequest.elicit("user_name", "What is your name?", form("name")));
        return "answered";
    }

    @POST
    @Path("session/sampling")
    @Produces(MediaType.TEXT_PLAIN)
    @McpTool(name = "test_sampling", description = "Asks the client's model to answer a prompt")
    public String sampling(@QueryParam("prompt") @NotNull String prompt) {
        JsonObject answer = exchange.ask(InputRequest.sample("reply", Json.createObjectBuilder()
                .add("messages", Json.createArrayBuilder().add(Json.createObjectBuilder().add("role", "user")
                        .add("content", Json.createObjectBuilder().add("type", "text").add("text", prompt))))
                .add("maxTokens", 100).build())).get("reply");
        return "LLM response: " + answer.getJsonObject("content").getString("text", "");
    }

    @POST
    @Path("session/elicitation")
    @Produces(MediaType.TEXT_PLAIN)
    @McpTool(name = "test_elicitation", description = "Asks the user for a username and an email address")
    public String elicitation(@QueryParam("message") @NotNull String message) {
        JsonObject schema = Json.createObjectBuilder().add("type", "object")
                .add("properties", Json.createObjectBuilder()
                        .add("username", Json.createObjectBuilder().add("type", "string")
                                .add("description", "User's response"))
                        .add("email", Json.createObjectBuilder().add("type", "string")
                                .add("description", "User's email address")))
                .add("required", Json.createArrayBuilder().add("username").add("email")).build();
        return "User response: " + answered(exchange.ask(InputRequest.elicit("user", message, schema)).get("user"));
    }

    @POST
    @Path("session/defaults")
    @Produces(MediaType.TEXT_PLAIN)
    @McpTool(name = "test_elicitation_sep1034_defaults", description = "Asks for values that have defaults")
    public String elicitationDefaults() {
        JsonObject schema = Json.createObjectBuilder().add("type", "object")
                .add("properties", Json.createObjectBuilder()
                        .add("name", Json.createObjectBuilder().add("type", "string").add("default", "John Doe"))
                        .add("age", Json.createObjectBuilder().add("type", "integer").add("default", 30))
                        .add("score", Json.createObjectBuilder().add("type", "number").add("default", 95.5))
                        .add("status", Json.createObjectBuilder().add("type", "string")
                                .add("enum", Json.createArrayBuilder().add("active").add("inactive").add("pending"))
                                .add("default", "active"))
                        .add("verified", Json.createObjectBuilder().add("type", "boolean").add("default", true)))
                .build();
        return "Elicitation completed: " + answered(exchange.ask(InputRequest.elicit("profile",
                "Please check your profile", schema)).get("profile"));
    }

    @POST
    @Path("session/enums")
    @Produces(MediaType.TEXT_PLAIN)
    @McpTool(name = "test_elicitation_sep1330_enums", description = "Asks with every kind of enumeration")
    public String elicitationEnums() {
        JsonObject schema = Json.createObjectBuilder().add("type", "object")
                .add("properties", Json.createObjectBuilder()
                        .add("untitledSingle", Json.createObjectBuilder().add("type", "string")
                                .add("enum", strings("option1", "option2", "option3")))
                        .add("titledSingle", Json.createObjectBuilder().add("type", "string")
                                .add("oneOf", titled("value", "First Option", "Second Option", "Third Option")))
                        .add("legacyEnum", Json.createObjectBuilder().add("type", "string")
                                .add("enum", strings("opt1", "opt2", "opt3"))
                                .add("enumNames", strings("Option One", "Option Two", "Option Three")))
                        .add("untitledMulti", Json.createObjectBuilder().add("type", "array")
                                .add("items", Json.createObjectBuilder().add("type", "string")
                                        .add("enum", strings("option1", "option2", "option3"))))
                        .add("titledMulti", Json.createObjectBuilder().add("type", "array")
                                .add("items", Json.createObjectBuilder().add("anyOf",
                                        titled("value", "First Choice", "Second Choice", "Third Choice")))))
                .build();
        return "Elicitation completed: " + answered(exchange.ask(InputRequest.elicit("choices",
                "Please choose", schema)).get("choices"));
    }

    private static String answered(JsonObject answer) {
        return "action=" + answer.getString("action", "") + ", content=" + answer.get("content");
    }

    private static JsonArrayBuilder strings(String... values) {
        JsonArrayBuilder array = Json.createArrayBuilder();
        for (String value : values) {
            array.add(value);
        }
        return array;
    }

    /** {@code [{const: prefix1, title: titles[0]}, ...]}: an enumeration whose members have titles (SEP-1330). */
    private static JsonArrayBuilder titled(String prefix, String... titles) {
        JsonArrayBuilder array = Json.createArrayBuilder();
        for (int i = 0; i < titles.length; i++) {
            array.add(Json.createObjectBuilder().add("const", prefix + (i + 1)).add("title", titles[i]));
        }
        return array;
    }

    @POST
    @Path("trigger-tool-change")
    @Produces(MediaType.TEXT_PLAIN)
    @McpTool(name = "test_trigger_tool_change", description = "Tells the listening clients that the tool list changed")
    public String triggerToolChange() {
        toolLists.fire(new ToolListChanged());
        return "tool list changed";
    }

    @POST
    @Path("logging-2026")
    @Produces(MediaType.TEXT_PLAIN)
    @McpTool(name = "test_logging_tool", description = "Logs a message; only a request with a log level gets it")
    public String logging() {
        exchange.log(LogLevel.INFO, "Logging tool ran");
        return "Logging tool completed";
    }

    @GET
    @Path("simple-text")
    @Produces(MediaType.TEXT_PLAIN)
    @McpTool(name = "test_simple_text", description = "Returns a simple text response")
    public String simpleText() {
        return "This is a simple text response for testing.";
    }

    @GET
    @Path("image")
    @Produces("image/png")
    @McpTool(name = "test_image_content", description = "Returns a 1x1 red PNG image")
    public InputStream image() {
        return file(PNG);
    }

    @GET
    @Path("audio")
    @Produces("audio/wav")
    @McpTool(name = "test_audio_content", description = "Returns a short WAV tone")
    public InputStream audio() {
        return file(WAV);
    }

    @GET
    @Path("embedded-resource")
    @Produces(MediaType.TEXT_PLAIN)
    @McpTool(name = "test_embedded_resource", description = "Returns a text document together with where it lives")
    public Response embeddedResource() {
        return Response.ok("This is an embedded resource content.", MediaType.TEXT_PLAIN_TYPE)
                .contentLocation(URI.create("test://embedded-resource")).build();
    }

    @GET
    @Path("mixed")
    @Produces("multipart/mixed")
    @McpTool(name = "test_multiple_content_types", description = "Returns text, an image and a JSON document")
    public List<EntityPart> multipleContentTypes() throws IOException {
        try (InputStream png = file(PNG)) {
            return List.of(
                    EntityPart.withName("text").mediaType(MediaType.TEXT_PLAIN_TYPE)
                            .content("Multiple content types test:").build(),
                    EntityPart.withName("image").mediaType("image/png").content(png.readAllBytes()).build(),
                    EntityPart.withName("resource").mediaType(MediaType.APPLICATION_JSON_TYPE)
                            .header(HttpHeaders.CONTENT_LOCATION, "test://mixed-content-resource")
                            .content(new Sample("data", 123)).build());
        }
    }

    @GET
    @Path("error")
    @Produces(MediaType.TEXT_PLAIN)
    @McpTool(name = "test_error_handling", description = "Always fails")
    public String errorHandling() {
        throw new InternalServerErrorException("This tool intentionally returns an error for testing");
    }

    @POST
    @Path("contacts")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @McpTool(name = "json_schema_2020_12_tool", description = "Tool with JSON Schema 2020-12 features")
    public Contact jsonSchema202012(@NotNull @Valid Contact contact) {
        return contact;
    }

    private static InputStream file(String name) {
        InputStream in = ConformanceResource.class.getResourceAsStream(name);
        if (in == null) {
            throw new UncheckedIOException(new IOException(name + " is not in the deployment"));
        }
        return in;
    }
}
