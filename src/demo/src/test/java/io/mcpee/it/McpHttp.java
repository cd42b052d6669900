package io.mcpee.it;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;

/** Raw HTTP to the MCP endpoint, for what an SDK client will not send (wrong headers, broken JSON, ...). */
final class McpHttp {
    static final String JSON_AND_SSE = "application/json, text/event-stream";
    private static final HttpClient CLIENT = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(10)).build();

    private final URI endpoint;
    private final String token;

    McpHttp(URL base, String token) {
        this.token = token;
        // addressed as localhost, as a local agent would: the DNS-rebinding checks depend on it
        this.endpoint = URI.create("http://localhost:" + base.getPort() + base.getPath().replaceAll("/$", "")
                + "/mcp");
    }

    URI endpoint() {
        return endpoint;
    }

    HttpResponse<String> post(String body, Map<String, String> headers) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(endpoint).timeout(Duration.ofSeconds(30))
                .POST(HttpRequest.BodyPublishers.ofString(body));
        authorize(request, headers);
        headers.forEach(request::header);
        return CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** A POST that waits for "100 Continue" before sending its body, as HTTP clients do for large uploads. */
    HttpResponse<String> postExpectingContinue(String body, Map<String, String> headers)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(endpoint).timeout(Duration.ofSeconds(30))
                .expectContinue(true).POST(HttpRequest.BodyPublishers.ofString(body));
        authorize(request, headers);
        headers.forEach(request::header);
        return CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<String> send(String method, Map<String, String> headers) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(endpoint).timeout(Duration.ofSeconds(30))
                .method(method, HttpRequest.BodyPublishers.noBody());
        authorize(request, headers);
        headers.forEach(request::header);
        return CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** This client's bearer token, unless the headers set Authorization themselves (or "" to send none). */
    private void authorize(HttpRequest.Builder request, Map<String, String> headers) {
        if (token != null && !headers.containsKey("Authorization")) {
            request.header("Authorization", "Bearer " + token);
        }
    }

    /** Headers of a well-formed POST, plus the given ones. */
    static Map<String, String> jsonHeaders(String... more) {
        var headers = new java.util.LinkedHashMap<String, String>();
        headers.put("Content-Type", "application/json");
        headers.put("Accept", JSON_AND_SSE);
        for (int i = 0; i + 1 < more.length; i += 2) {
            headers.put(more[i], more[i + 1]);
        }
        return headers;
    }

    /** A new session's id, by a raw initialize of a client that declares no capabilities. */
    String initialize() throws IOException, InterruptedException {
        return initialize("{}");
    }

    /** A new session's id, by a raw initialize of a client declaring {@code capabilities} (a JSON object). */
    String initialize(String capabilities) throws IOException, InterruptedException {
        HttpResponse<String> response = post("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"initialize\",\"params\":{"
                + "\"protocolVersion\":\"2025-11-25\",\"capabilities\":" + capabilities + ",\"clientInfo\":{"
                + "\"name\":\"raw-http\",\"version\":\"1\"}}}", jsonHeaders());
        if (response.statusCode() != 200) {
            throw new IllegalStateException("initialize answered " + response.statusCode() + ": " + response.body());
        }
        return response.headers().firstValue("Mcp-Session-Id").orElseThrow();
    }

    /**
     * A POST (a GET when {@code body} is null) whose answer must be an event stream, read as it arrives: its events
     * one by one with {@link #nextEvent}; closing the reader closes the stream.
     */
    BufferedReader openEventStream(String body, Map<String, String> headers) throws IOException,
            InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(endpoint).timeout(Duration.ofSeconds(60));
        if (body == null) {
            request.GET();
        } else {
            request.POST(HttpRequest.BodyPublishers.ofString(body));
        }
        authorize(request, headers);
        headers.forEach(request::header);
        HttpResponse<InputStream> response = CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
        String type = response.headers().firstValue("Content-Type").orElse("");
        if (response.statusCode() != 200 || !type.startsWith("text/event-stream")) {
            String answer = new String(response.body().readAllBytes(), StandardCharsets.UTF_8);
            throw new AssertionError("expected an event stream, got " + response.statusCode() + " " + type + ": "
                    + answer);
        }
        return new BufferedReader(new InputStreamReader(response.body(), StandardCharsets.UTF_8));
    }

    /** The next event's data, or null at the end of the stream; comments are skipped. */
    static String nextEvent(BufferedReader reader) throws IOException {
        String data = null;
        for (String line = reader.readLine(); line != null; line = reader.readLine()) {
            if (line.startsWith("data: ")) {
                data = line.substring(6);
            } else if (line.isEmpty() && data != null) {
                return data;
            }
        }
        return data;
    }

    /** Headers of a POST in an established session. */
    static Map<String, String> sessionHeaders(String sessionId, String... more) {
        Map<String, String> headers = jsonHeaders(more);
        headers.put("Mcp-Session-Id", sessionId);
        headers.putIfAbsent("MCP-Protocol-Version", "2025-11-25");
        return headers;
    }
}
