package io.mcpee.invocation;

import io.mcpee.tools.PathTemplate;
import jakarta.ws.rs.core.MultivaluedHashMap;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.PathSegment;
import jakarta.ws.rs.core.UriBuilder;
import jakarta.ws.rs.core.UriInfo;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import static java.util.Objects.requireNonNull;

/**
 * The {@code UriInfo} of a tool call: the URI of the REST request the call stands for. Its base is the base of the
 * JAX-RS application that serves the resource, its path the resource method's template filled with the call's
 * path arguments, its query the call's query arguments. A resource that reads parameters from it, or builds a link
 * with {@code getAbsolutePathBuilder()}, sees what it would see over REST. Matrix parameters reach the method's
 * {@code @MatrixParam}s but are not part of this URI.
 */
final class ToolUriInfo implements UriInfo {
    private final URI base;
    private final String path;
    private final String encodedPath;
    private final List<String> matched;
    private final List<String> encodedMatched;
    private final Map<String, String> pathValues;
    private final Map<String, List<String>> queryValues;
    private final URI requestUri;
    private final Supplier<Object> resource;

    /**
     * @param base        the application's base URI, ending in '/'
     * @param classPath   the resource class's {@code @Path} template
     * @param methodPath  the method's {@code @Path} template, or ""
     * @param pathValues  the path parameters, as given (not encoded)
     * @param queryValues the query parameters given, as given
     * @param resource    the resource instance, once the call has one
     */
    ToolUriInfo(URI base, String classPath, String methodPath, Map<String, String> pathValues,
                Map<String, List<String>> queryValues, Supplier<Object> resource) {
        requireNonNull(base, "base is null");
        if (!base.isAbsolute() || !base.getRawPath().endsWith("/")) {
            throw new IllegalArgumentException("base must be absolute and end in '/': " + base);
        }
        this.base = base;
        this.pathValues = new LinkedHashMap<>(pathValues);
        this.queryValues = new LinkedHashMap<>(queryValues);
        this.resource = requireNonNull(resource, "resource is null");
        String template = PathTemplate.join(PathTemplate.normalize(classPath), PathTemplate.normalize(methodPath))
                .substring(1);
        this.path = expand(template, false);
        this.encodedPath = expand(template, true);
        String classTemplate = PathTemplate.normalize(classPath);
        if (PathTemplate.normalize(methodPath).isEmpty()) {
            this.matched = List.of(path);
            this.encodedMatched = List.of(encodedPath);
        } else {
            this.matched = List.of(path, expand(classTemplate, false));
            this.encodedMatched = List.of(encodedPath, expand(classTemplate, true));
        }
        StringBuilder query = new StringBuilder();
        this.queryValues.forEach((name, values) -> values.forEach(value -> query
                .append(query.isEmpty() ? "" : "&").append(encode(name, false)).append('=')
                .append(encode(value, false))));
        this.requestUri = URI.create(base + encodedPath + (query.isEmpty() ? "" : "?" + query));
    }

    @Override
    public String getPath() {
        return getPath(true);
    }

    @Override
    public String getPath(boolean decode) {
        return decode ? path : encodedPath;
    }

    @Override
    public List<PathSegment> getPathSegments() {
        return getPathSegments(true);
    }

    @Override
    public List<PathSegment> getPathSegments(boolean decode) {
        List<PathSegment> segments = new ArrayList<>();
        for (String segment : (decode ? path : encodedPath).split("/", -1)) {
            segments.add(new Segment(segment));
        }
        return List.copyOf(segments);
    }

    @Override
    public URI getRequestUri() {
        return requestUri;
    }

    @Override
    public UriBuilder getRequestUriBuilder() {
        return UriBuilder.fromUri(requestUri);
    }

    @Override
    public URI getAbsolutePath() {
        return URI.create(base + encodedPath);
    }

    @Override
    public UriBuilder getAbsolutePathBuilder() {
        return UriBuilder.fromUri(getAbsolutePath());
    }

    @Override
    public URI getBaseUri() {
        return base;
    }

    @Override
    public UriBuilder getBaseUriBuilder() {
        return UriBuilder.fromUri(base);
    }

    @Override
    public MultivaluedMap<String, String> getPathParameters() {
        return getPathParameters(true);
    }

    @Override
    public MultivaluedMap<String, String> getPathParameters(boolean decode) {
        MultivaluedMap<String, String> parameters = new MultivaluedHashMap<>();
        pathValues.forEach((name, value) -> parameters.add(name, decode ? value : encode(value, true)));
        return parameters;
    }

    @Override
    public MultivaluedMap<String, String> getQueryParameters() {
        return getQueryParameters(true);
    }

    @Override
    public MultivaluedMap<String, String> getQueryParameters(boolean decode) {
        MultivaluedMap<String, String> parameters = new MultivaluedHashMap<>();
        queryValues.forEach((name, values) -> values.forEach(value -> parameters.add(
                decode ? name : encode(name, false), decode ? value : encode(value, false))));
        return parameters;
    }

    @Override
    public List<String> getMatchedURIs() {
        return getMatchedURIs(true);
    }

    @Override
    public List<String> getMatchedURIs(boolean decode) {
        return decode ? matched : encodedMatched;
    }

    @Override
    public List<Object> getMatchedResources() {
        Object instance = resource.get();
        return instance == null ? List.of() : List.of(instance);
    }

    @Override
    public URI resolve(URI uri) {
        return base.resolve(uri);
    }

    /**
     * A relative URI is first resolved against the base, then made relative to the request URI as
     * {@link URI#relativize} does; this is what Jersey, the primary runtime, answers over REST (the runtimes differ
     * where the URI does not lie below the request URI: Jersey, and so this, returns it whole).
     */
    @Override
    public URI relativize(URI uri) {
        return requestUri.relativize(uri.isAbsolute() ? uri : resolve(uri));
    }

    /** The template with its variables replaced by their values, percent-encoded when {@code encoded}. */
    private String expand(String template, boolean encoded) {
        StringBuilder out = new StringBuilder();
        int i = 0;
        while (i < template.length()) {
            char c = template.charAt(i);
            if (c != '{') {
                out.append(encoded ? encodeLiteral(c) : String.valueOf(c));
                i++;
                continue;
            }
            int depth = 0;
            int end = i;
            do {
                char d = template.charAt(end);
                depth += d == '{' ? 1 : d == '}' ? -1 : 0;
                end++;
            } while (depth > 0 && end < template.length());
            String body = template.substring(i + 1, end - 1);
            int colon = body.indexOf(':');
            String name = (colon < 0 ? body : body.substring(0, colon)).strip();
            String value = pathValues.getOrDefault(name, "");
            out.append(encoded ? encode(value, true) : value);
            i = end;
        }
        return out.toString();
    }

    /** A literal of a {@code @Path}: JAX-RS encodes what may not stand in a path, and keeps '/' and escapes. */
    private static String encodeLiteral(char c) {
        return c == '/' || c == '%' ? String.valueOf(c) : encode(String.valueOf(c), true);
    }

    /**
     * Percent-encodes UTF-8 text as a path segment ({@code pathSegment}: '/' is encoded) or a query name or value
     * ('&', '=', '+' and '#' are encoded, so the value reads back as it was given).
     */
    static String encode(String text, boolean pathSegment) {
        StringBuilder out = new StringBuilder();
        for (byte b : text.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xff;
            if (unreserved(c) || (pathSegment ? "!$&'()*+,;=:@".indexOf(c) >= 0 : "!$'()*,;:@/?".indexOf(c) >= 0)) {
                out.append((char) c);
            } else {
                out.append('%').append(Character.toUpperCase(Character.forDigit(c >> 4, 16)))
                        .append(Character.toUpperCase(Character.forDigit(c & 0xf, 16)));
            }
        }
        return out.toString();
    }

    private static boolean unreserved(int c) {
        return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '-' || c == '.'
                || c == '_' || c == '~';
    }

    /** A path segment; the tool's URI carries no matrix parameters. */
    private record Segment(String path) implements PathSegment {
        @Override
        public String getPath() {
            return path;
        }

        @Override
        public MultivaluedMap<String, String> getMatrixParameters() {
            return new MultivaluedHashMap<>();
        }
    }
}
