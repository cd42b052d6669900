package io.mcpee.tools;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

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

    /**
     * A template as JAX-RS matches request paths against it: the pattern of the whole path (a trailing '/' allowed),
     * its variables in order (group {@code v0}, {@code v1}, ...), and what JAX-RS sorts candidate templates by: more
     * literal characters first, then more variables, then more variables with a regular expression of their own.
     */
    public record Compiled(Pattern pattern, List<String> variables, int literalCharacters, int regexVariables) {
        public Compiled {
            variables = List.copyOf(variables);
        }
    }

    /** Compiles a path below the context root ("api/customers/{id: [0-9]+}"). */
    public static Compiled compile(String path) {
        String template = normalize(path);
        StringBuilder regex = new StringBuilder("/");
        List<String> variables = new ArrayList<>();
        int literals = 0;
        int regexes = 0;
        int i = 0;
        while (i < template.length()) {
            char c = template.charAt(i);
            if (c != '{') {
                int next = template.indexOf('{', i);
                String literal = template.substring(i, next < 0 ? template.length() : next);
                regex.append(Pattern.quote(literal));
                literals += literal.length();
                i += literal.length();
                continue;
            }
            int depth = 0;
            int end = i;
            for (; end < template.length(); end++) {
                if (template.charAt(end) == '{') {
                    depth++;
                } else if (template.charAt(end) == '}' && --depth == 0) {
                    break;
                }
            }
            String body = template.substring(i + 1, Math.min(end, template.length()));
            int colon = body.indexOf(':');
            String name = (colon < 0 ? body : body.substring(0, colon)).strip();
            String own = colon < 0 ? null : body.substring(colon + 1).strip();
            regex.append("(?<v").append(variables.size()).append('>').append(own == null ? "[^/]+" : own).append(')');
            variables.add(name);
            if (own != null) {
                regexes++;
            }
            i = end + 1;
        }
        regex.append("/?");
        return new Compiled(Pattern.compile(regex.toString()), variables, literals, regexes);
    }
}
