package io.mcpee.rest;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;

/** The charset a request or answer names, else UTF-8 (JSON's): an unknown or malformed name is read as UTF-8. */
final class Charsets {

    private Charsets() {
    }

    static Charset namedOrUtf8(String name) {
        try {
            return name == null ? StandardCharsets.UTF_8 : Charset.forName(name);
        } catch (RuntimeException e) {
            return StandardCharsets.UTF_8;
        }
    }
}
