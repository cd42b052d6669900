package io.mcpee.protocol;

import jakarta.json.JsonObject;

import static java.util.Objects.requireNonNull;

/** One item of a tool result's {@code content} array; each kind writes itself. */
public sealed interface Content {

    JsonObject toJson();

    record Text(String text) implements Content {
        public Text {
            requireNonNull(text, "text is null");
        }

        @Override
        public JsonObject toJson() {
            return JsonText.BUILDERS.createObjectBuilder().add("type", "text").add("text", text).build();
        }
    }

    /** Base64 image data. */
    record Image(String data, String mimeType) implements Content {
        public Image {
            requireNonNull(data, "data is null");
            requireNonNull(mimeType, "mimeType is null");
        }

        @Override
        public JsonObject toJson() {
            return JsonText.BUILDERS.createObjectBuilder().add("type", "image").add("data", data)
                    .add("mimeType", mimeType).build();
        }
    }

    /** Base64 audio data. */
    record Audio(String data, String mimeType) implements Content {
        public Audio {
            requireNonNull(data, "data is null");
            requireNonNull(mimeType, "mimeType is null");
        }

        @Override
        public JsonObject toJson() {
            return JsonText.BUILDERS.createObjectBuilder().add("type", "audio").add("data", data)
                    .add("mimeType", mimeType).build();
        }
    }

    /** A resource embedded in the result: text for textual media types, base64 {@code blob} otherwise. */
    record EmbeddedResource(String uri, String mimeType, String text, String blob) implements Content {
        public EmbeddedResource {
            requireNonNull(uri, "uri is null");
            requireNonNull(mimeType, "mimeType is null");
            if ((text == null) == (blob == null)) {
                throw new IllegalArgumentException("exactly one of text and blob is required");
            }
        }

        @Override
        public JsonObject toJson() {
            var resource = JsonText.BUILDERS.createObjectBuilder().add("uri", uri).add("mimeType", mimeType);
            if (text != null) {
                resource.add("text", text);
            } else {
                resource.add("blob", blob);
            }
            return JsonText.BUILDERS.createObjectBuilder().add("type", "resource").add("resource", resource).build();
        }
    }
}
