package io.mcpee.results;

import io.mcpee.protocol.CallToolResult;
import io.mcpee.protocol.Content;
import io.mcpee.protocol.JsonText;
import io.mcpee.schema.CallerRoles;
import io.mcpee.schema.PropertyMarks;
import io.mcpee.tools.MediaTypes;
import io.mcpee.tools.ToolDefinition;
import jakarta.json.JsonValue;
import jakarta.json.bind.Jsonb;
import jakarta.ws.rs.core.EntityPart;
import jakarta.ws.rs.core.GenericEntity;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Type;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Maps what a resource method returned to MCP content by media type: JSON becomes {@code structuredContent} and the
 * same JSON as text; {@code text/*} text; {@code image/*} and {@code audio/*} base64 image and audio; a
 * {@code Response} is unwrapped (status, entity, media type), and with a {@code Content-Location} header its entity
 * is an embedded resource at that URI; a multipart list of {@link EntityPart}s gives one content item per part.
 * JSON is written with its {@code @Sensitive} properties masked for a caller without the role that unmasks them
 * ({@link PropertyMarks}), before it becomes structured content or text, so both carry the same masked document.
 */
public final class ResultMapper {
    private final Jsonb jsonb;

    public ResultMapper(Jsonb jsonb) {
        this.jsonb = jsonb;
    }

    /**
     * The tool result of what the method returned; {@code roles} are the caller's, for the {@code @Sensitive}
     * properties it may see unmasked.
     */
    public ToolOutcome map(ToolDefinition tool, Object returned, CallerRoles roles) throws IOException {
        if (returned instanceof Response response) {
            if (response.getStatus() >= 400) {
                Object failed = response.getEntity();
                String text = FailureMapper.entityText(failed, jsonb);
                if (text != null && !(failed instanceof String)) {
                    text = masked(text, PropertyMarks.ofEntity(failed, null), roles);
                }
                return FailureMapper.fromStatus(response.getStatus(), text);
            }
            return new ToolOutcome(response.getStatus(), result(tool, response, roles));
        }
        // the status JAX-RS would send: 204 for void or null, else 200
        return new ToolOutcome(returned == null ? 204 : 200, result(tool, returned, roles));
    }

    private CallToolResult result(ToolDefinition tool, Object returned, CallerRoles roles) throws IOException {
        String mediaType = tool.producedMediaType();
        Object entity = returned;
        String location = null;
        // the declared type's marks, made at deployment; a Response's entity is known only by its class
        PropertyMarks marks = returned instanceof Response ? null : tool.output();
        if (returned instanceof Response response) {
            entity = response.getEntity();
            MediaType type = response.getMediaType();
            if (type != null) {
                mediaType = type.toString();
            }
            location = response.getHeaderString(HttpHeaders.CONTENT_LOCATION);
            if (entity == null) {
                Response.StatusType status = response.getStatusInfo();
                return new CallToolResult(List.of(new Content.Text("HTTP " + status.getStatusCode() + " "
                        + status.getReasonPhrase())), null, false);
            }
        }
        Type entityType = null;
        if (entity instanceof GenericEntity<?> generic) {
            entity = generic.getEntity();
            entityType = generic.getType();
        }
        if (entity == null) {
            return new CallToolResult(List.of(new Content.Text("HTTP 204 No Content")), null, false);
        }
        if (entity instanceof List<?> parts && !parts.isEmpty() && parts.get(0) instanceof EntityPart) {
            List<Content> contents = new ArrayList<>();
            for (Object part : parts) {
                EntityPart entityPart = (EntityPart) part;
                String partLocation = entityPart.getHeaders().getFirst(HttpHeaders.CONTENT_LOCATION);
                // a part without Content-Type is text/plain (RFC 2046)
                String partType = entityPart.getMediaType() == null ? MediaType.TEXT_PLAIN
                        : entityPart.getMediaType().toString();
                contents.add(content(partType, partContent(entityPart), partLocation, tool.name(), roles));
            }
            return new CallToolResult(contents, null, false);
        }
        if (marks == null) {
            marks = PropertyMarks.ofEntity(entity, entityType);
        }
        if (location == null && MediaTypes.isJson(mediaType)) {
            return json(tool, entity, marks, roles);
        }
        return new CallToolResult(List.of(content(mediaType, entity, location, tool.name(), roles)), null, false);
    }

    private CallToolResult json(ToolDefinition tool, Object entity, PropertyMarks marks, CallerRoles roles) {
        // a String is JSON the application wrote itself: passed on as it is
        String json = entity instanceof String text ? text : masked(jsonb.toJson(entity), marks, roles);
        String trimmed = json.stripLeading();
        if (trimmed.startsWith("{")) {
            return CallToolResult.json(json);
        }
        if (tool.tool().outputSchema() != null) {
            // the advertised output schema wraps non-object JSON as {"result": ...}
            return new CallToolResult(List.of(new Content.Text(json)), "{\"result\":" + json + "}", false);
        }
        return new CallToolResult(List.of(new Content.Text(json)), null, false);
    }

    private Content content(String mediaType, Object entity, String location, String toolName, CallerRoles roles)
            throws IOException {
        String essence = MediaTypes.essence(mediaType);
        if (MediaTypes.isJson(mediaType) && !(entity instanceof String || entity instanceof byte[]
                || entity instanceof InputStream || entity instanceof StreamingOutput)) {
            // an object of a JSON part or of a Response with Content-Location: written as JAX-RS would write it
            entity = masked(jsonb.toJson(entity), PropertyMarks.ofEntity(entity, null), roles);
        }
        if (location != null) {
            if (MediaTypes.isText(mediaType) || MediaTypes.isJson(mediaType)) {
                return new Content.EmbeddedResource(location, essence, text(entity), null);
            }
            return new Content.EmbeddedResource(location, essence, null, base64(entity));
        }
        if (MediaTypes.isImage(mediaType)) {
            return new Content.Image(base64(entity), essence);
        }
        if (MediaTypes.isAudio(mediaType)) {
            return new Content.Audio(base64(entity), essence);
        }
        if (MediaTypes.isText(mediaType) || MediaTypes.isJson(mediaType)) {
            return new Content.Text(text(entity));
        }
        // other binary media: a resource the client can save; the URI names where it came from
        return new Content.EmbeddedResource("urn:mcp-ee:tool:" + toolName + ":result", essence, null, base64(entity));
    }

    /**
     * The JSON with every {@code @Sensitive} property the caller may not see replaced by the mask. Parsed only when
     * the type has such a property and the caller lacks a role that unmasks one; each role is asked once.
     */
    public static String masked(String json, PropertyMarks marks, CallerRoles roles) {
        if (!marks.isMarked() || !marks.mayHoldSensitive(json)) {
            return json;
        }
        Map<String, Boolean> answers = new HashMap<>();
        CallerRoles asked = role -> answers.computeIfAbsent(role, roles::has);
        if (marks.roles().stream().allMatch(role -> !role.isEmpty() && asked.has(role))) {
            return json;
        }
        JsonValue tree = JsonText.parse(json);
        JsonValue result = marks.mask(tree, asked);
        return result == tree ? json : result.toString();
    }

    /**
     * What a part carries: its content stream, or, for a part the method built itself, the entity it was given.
     * JAX-RS reads parts only as received: on Jersey (Payara) {@code getContent()} of a part made with
     * {@code EntityPart.withName(..).content(..)} throws (IllegalStateException for a String, NullPointerException
     * for bytes or a stream: it has no message body readers), and the API has no accessor for an outgoing part's
     * entity, so the implementation's public {@code getEntity()} is asked for it.
     */
    static Object partContent(EntityPart part) throws IOException {
        try {
            return part.getContent();
        } catch (RuntimeException outgoing) {
            try {
                Object entity = part.getClass().getMethod("getEntity").invoke(part);
                if (entity != null) {
                    return entity;
                }
            } catch (ReflectiveOperationException | RuntimeException e) {
                outgoing.addSuppressed(e);
            }
            throw new IOException("the content of part \"" + part.getName() + "\" cannot be read", outgoing);
        }
    }

    private String text(Object entity) throws IOException {
        if (entity instanceof String text) {
            return text;
        }
        if (entity instanceof byte[] || entity instanceof InputStream || entity instanceof StreamingOutput) {
            return new String(bytes(entity), StandardCharsets.UTF_8);
        }
        return String.valueOf(entity);
    }

    private static String base64(Object entity) throws IOException {
        if (entity instanceof String text) {
            // a String entity of a binary type is taken to be base64 already, as MCP carries it
            return text;
        }
        return Base64.getEncoder().encodeToString(bytes(entity));
    }

    private static byte[] bytes(Object entity) throws IOException {
        if (entity instanceof byte[] bytes) {
            return bytes;
        }
        if (entity instanceof InputStream in) {
            try (in) {
                return in.readAllBytes();
            }
        }
        if (entity instanceof StreamingOutput streaming) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            streaming.write(out);
            return out.toByteArray();
        }
        if (entity instanceof String text) {
            return text.getBytes(StandardCharsets.UTF_8);
        }
        throw new IOException("a binary result must be byte[], InputStream or StreamingOutput");
    }

}
