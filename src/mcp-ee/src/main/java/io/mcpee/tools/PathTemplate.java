package io.mcpee.tools;

import java.util.ArrayList;
import java.util.List;

/** JAX-RS {@code @Path} templates split into segments, with regular expressions of {@code {name: regex}} kept. */
public final class PathTemplate {

    private PathTemplate() {
    }

    public static String normalize(String path) {
        if (path == null) {
            return "";
        }
        String trimmed = path.strip();
        while (trimmed.startsWith("/")) {
            trimmed = trimmed.substring(1);
        }
        while (trimmed.endsWith("/")) {
            trimmed = trimmed.substring(0, trimmed.length() - 1);
        }
        return trimmed;
    }

    public static String join(String a, String b) {
        if (a.isEmpty()) {
            return "/" + b;
        }
        return b.isEmpty() ? "/" + a : "/" + a + "/" + b;
    }

    /** Segments, splitting on '/' outside braces (a template regex may contain '/'). */
    static List<String> segments(String path) {
        List<String> segments = new ArrayList<>();
        int depth = 0;
        StringBuilder current = new StringBuilder();
        for (char c : normalize(path).toCharArray()) {
            if (c == '{') {
                depth++;
            } else if (c == '}') {
                depth--;
            }
            if (c == '/' && depth == 0) {
                if (!current.isEmpty()) {
                    segments.add(current.toString());
                }
                current.setLength(0);
            } else {
                current.append(c);
            }
        }
        if (!current.isEmpty()) {
            segments.add(current.toString());
        }
        return segments;
    }

    static boolean isTemplate(String segment) {
        return segment.startsWith("{") && segment.endsWith("}");
    }

    /** The regular expression a template variable is declared with, as in {@code {id: [0-9]+}}, or null. */
    static String regexOf(String path, String variable) {
        for (String segment : segments(path)) {
            if (isTemplate(segment)) {
                String body = segment.substring(1, segment.length() - 1);
                int colon = body.indexOf(':');
                String name = (colon < 0 ? body : body.substring(0, colon)).strip();
                if (name.equals(variable) && colon >= 0) {
                    return body.substring(colon + 1).strip();
                }
            }
        }
        return null;
    }
}
