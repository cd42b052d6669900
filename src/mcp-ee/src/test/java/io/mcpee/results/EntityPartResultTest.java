package io.mcpee.results;

import io.mcpee.api.McpTool;
import io.mcpee.protocol.CallToolResult;
import io.mcpee.protocol.Content;
import io.mcpee.schema.CallerRoles;
import io.mcpee.tools.ToolCatalog;
import io.mcpee.tools.ToolDefinition;
import io.mcpee.tools.ToolFilter;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.EntityPart;
import jakarta.ws.rs.core.GenericType;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedHashMap;
import jakarta.ws.rs.core.MultivaluedMap;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * A resource method's {@code List<EntityPart>} gives one content item per part, both for parts as received
 * (content stream) and for parts the method built itself, which Jersey (Payara) will not stream: there the entity
 * the part was given is used (the MCP conformance suite's tools-call-mixed-content scenario).
 */
class EntityPartResultTest {
    private static final Jsonb JSONB = JsonbBuilder.create();
    private static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G'};

    public record Sample(String test, int value) {
    }

    @Path("parts")
    public static class Resource {
        @GET
        @Produces("multipart/mixed")
        @McpTool(name = "parts")
        public List<EntityPart> parts() {
            return List.of();
        }
    }

    @AfterAll
    static void close() throws Exception {
        JSONB.close();
    }

    @Test
    void partsBuiltByTheMethodAreMappedFromTheirEntities() throws IOException {
        CallToolResult result = map(List.of(
                new OutgoingPart("text", type("text", "plain"), "Multiple content types test:", Map.of()),
                new OutgoingPart("image", type("image", "png"), PNG, Map.of()),
                new OutgoingPart("resource", type("application", "json"), new Sample("data", 123),
                        Map.of("Content-Location", "test://mixed-content-resource"))));
        assertFalse(result.isError());
        assertEquals(List.of(new Content.Text("Multiple content types test:"),
                new Content.Image(Base64.getEncoder().encodeToString(PNG), "image/png"),
                new Content.EmbeddedResource("test://mixed-content-resource", "application/json",
                        "{\"test\":\"data\",\"value\":123}", null)), result.content());
    }

    @Test
    void partsAsReceivedAreReadFromTheirContent() throws IOException {
        CallToolResult result = map(List.of(
                new ReceivedPart("text", type("text", "plain"), "hello".getBytes(StandardCharsets.UTF_8)),
                new ReceivedPart("image", type("image", "png"), PNG)));
        assertEquals(List.of(new Content.Text("hello"),
                new Content.Image(Base64.getEncoder().encodeToString(PNG), "image/png")), result.content());
    }

    @Test
    void aPartWithNeitherContentNorEntityIsAFailure() {
        OutgoingPart empty = new OutgoingPart("empty", type("text", "plain"), null, Map.of());
        IOException failure = assertThrows(IOException.class, () -> ResultMapper.partContent(empty));
        assertEquals("the content of part \"empty\" cannot be read", failure.getMessage());
    }

    private static CallToolResult map(List<EntityPart> parts) throws IOException {
        ToolDefinition tool = ToolCatalog.build(List.of(Resource.class), ToolFilter.of(List.of(), List.of()))
                .catalog().find("parts");
        return new ResultMapper(JSONB).map(tool, parts, CallerRoles.NONE).result();
    }

    /** A media type that prints itself without a JAX-RS runtime. */
    private static MediaType type(String type, String subtype) {
        return new MediaType(type, subtype) {
            @Override
            public String toString() {
                return type + "/" + subtype;
            }
        };
    }

    private abstract static class Part implements EntityPart {
        private final String name;
        private final MediaType mediaType;
        private final MultivaluedMap<String, String> headers = new MultivaluedHashMap<>();

        Part(String name, MediaType mediaType, Map<String, String> headers) {
            this.name = name;
            this.mediaType = mediaType;
            headers.forEach(this.headers::add);
        }

        @Override
        public String getName() {
            return name;
        }

        @Override
        public Optional<String> getFileName() {
            return Optional.empty();
        }

        @Override
        public <T> T getContent(Class<T> type) {
            throw new IllegalStateException("not used");
        }

        @Override
        public <T> T getContent(GenericType<T> type) {
            throw new IllegalStateException("not used");
        }

        @Override
        public MultivaluedMap<String, String> getHeaders() {
            return headers;
        }

        @Override
        public MediaType getMediaType() {
            return mediaType;
        }
    }

    /** As Jersey's FormDataBodyPart built by EntityPart.withName(..).content(..): no content, a public entity. */
    public static final class OutgoingPart extends Part {
        private final Object entity;

        OutgoingPart(String name, MediaType mediaType, Object entity, Map<String, String> headers) {
            super(name, mediaType, headers);
            this.entity = entity;
        }

        @Override
        public InputStream getContent() {
            if (entity instanceof byte[] || entity instanceof InputStream) {
                // Jersey wraps them in a stream, then finds no message body readers on a part it did not receive
                throw new NullPointerException("this.messageBodyWorkers is null");
            }
            throw new IllegalStateException("Entity instance does not contain the unconverted content.");
        }

        public Object getEntity() {
            return entity;
        }
    }

    private static final class ReceivedPart extends Part {
        private final byte[] content;

        ReceivedPart(String name, MediaType mediaType, byte[] content) {
            super(name, mediaType, Map.of());
            this.content = content;
        }

        @Override
        public InputStream getContent() {
            return new ByteArrayInputStream(content);
        }
    }
}
