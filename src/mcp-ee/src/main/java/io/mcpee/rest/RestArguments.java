package io.mcpee.rest;

import io.mcpee.protocol.JsonText;
import io.mcpee.schema.Argument;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The arguments of an agent's REST request as a tool call would carry them, for the audit (which redacts them by
 * the tool's marks and by name): the path's variables, the query parameters, and the body the application read —
 * JSON under the name of the tool's body parameter ({@code customer}), a form's fields, text as text, anything else
 * by its size and type only.
 */
@ApplicationScoped
class RestArguments {

    JsonObject of(Optional<RestRoutes.Match> match, AgentRequest request) {
        JsonObjectBuilder arguments = JsonText.BUILDERS.createObjectBuilder();
        match.ifPresent(m -> m.pathParameters().forEach(arguments::add));
        parameters(request.getQueryString()).forEach((name, values) -> arguments.add(name, value(values)));
        body(request, match.flatMap(m -> m.tool().arguments().stream()
                .filter(Argument.Body.class::isInstance).map(a -> ((Argument.Body) a).name()).findFirst())
                .orElse("body"), arguments);
        return arguments.build();
    }

    private static void body(AgentRequest request, String bodyName, JsonObjectBuilder arguments) {
        byte[] body = request.body();
        if (body.length == 0) {
            return;
        }
        String type = request.getContentType() == null ? "" : request.getContentType().toLowerCase(Locale.ROOT);
        if (request.bodyTruncated()) {
            arguments.add(bodyName, JsonText.BUILDERS.createObjectBuilder().add("$truncated", true)
                    .add("contentType", type));
            return;
        }
        String text = new String(body, Charsets.namedOrUtf8(request.getCharacterEncoding()));
        if (type.startsWith("application/x-www-form-urlencoded")) {
            parameters(text).forEach((name, values) -> arguments.add(name, value(values)));
        } else if (type.contains("json")) {
            try {
                arguments.add(bodyName, JsonText.parse(text));
            } catch (RuntimeException e) {
                arguments.add(bodyName, JsonText.BUILDERS.createObjectBuilder().add("$unreadableJson", true)
                        .add("bytes", body.length));
            }
        } else if (type.startsWith("text/")) {
            arguments.add(bodyName, text);
        } else {
            arguments.add(bodyName, JsonText.BUILDERS.createObjectBuilder().add("$bytes", body.length)
                    .add("contentType", type));
        }
    }

    /** {@code a=1&b=x%20y&a=2} as names and their values, in order. */
    static Map<String, List<String>> parameters(String encoded) {
        Map<String, List<String>> parameters = new LinkedHashMap<>();
        if (encoded == null || encoded.isEmpty()) {
            return parameters;
        }
        for (String pair : encoded.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int equals = pair.indexOf('=');
            String name = decode(equals < 0 ? pair : pair.substring(0, equals));
            String value = equals < 0 ? "" : decode(pair.substring(equals + 1));
            parameters.computeIfAbsent(name, n -> new ArrayList<>()).add(value);
        }
        return parameters;
    }

    private static JsonValue value(List<String> values) {
        if (values.size() == 1) {
            return JsonText.string(values.get(0));
        }
        JsonArrayBuilder array = JsonText.BUILDERS.createArrayBuilder();
        values.forEach(array::add);
        return array.build();
    }

    private static String decode(String text) {
        try {
            return URLDecoder.decode(text, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            // a malformed escape: kept as sent, the application answers it
            return text;
        }
    }
}
