package io.mcpee.invocation;

import jakarta.ws.rs.core.AbstractMultivaluedMap;
import jakarta.ws.rs.core.Cookie;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;

import java.util.ArrayList;
import java.util.Date;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import static java.util.Objects.requireNonNull;

/**
 * The {@code HttpHeaders} of a tool call: the headers of the REST request the call stands for. They are the MCP
 * request's (the agent's credentials, user agent, languages, forwarding headers) with what differs put right:
 * {@code Accept} names what the method produces, {@code Content-Type} what the call's body is, the tool's
 * {@code @HeaderParam} and {@code @CookieParam} arguments are there, and the MCP transport's own headers are not.
 * An argument never replaces a credential the container authenticated ({@code Authorization}, a cookie of the
 * MCP request): resource code that relays the caller's credential relays the verified one.
 */
final class ToolHttpHeaders implements HttpHeaders {
    /** Headers of the MCP exchange itself, which a REST request would not carry. */
    private static final Set<String> TRANSPORT = Set.of("mcp-session-id", "mcp-protocol-version", "last-event-id",
            "content-length", "content-type", "accept");
    /** Headers the container authenticated the caller by. */
    private static final Set<String> CREDENTIALS = Set.of("authorization", "proxy-authorization", "cookie");

    private final HttpHeaders request;
    private final MultivaluedMap<String, String> headers;
    private final String accept;
    private final String contentType;
    private final Map<String, String> cookieArguments;

    /**
     * @param request         the MCP request's headers
     * @param accept          what the resource method produces
     * @param contentType     what the call's body is, or null when it has none
     * @param headerArguments the call's header arguments, by name
     * @param cookieArguments the call's cookie arguments, by name
     */
    ToolHttpHeaders(HttpHeaders request, String accept, String contentType,
                    Map<String, List<String>> headerArguments, Map<String, String> cookieArguments) {
        this.request = requireNonNull(request, "request is null");
        this.accept = requireNonNull(accept, "accept is null");
        this.contentType = contentType;
        this.cookieArguments = new LinkedHashMap<>(cookieArguments);
        Headers merged = new Headers();
        request.getRequestHeaders().forEach((name, values) -> {
            if (!TRANSPORT.contains(name.toLowerCase(Locale.ROOT))) {
                merged.put(name, List.copyOf(values));
            }
        });
        merged.put(HttpHeaders.ACCEPT, List.of(accept));
        if (contentType != null) {
            merged.put(HttpHeaders.CONTENT_TYPE, List.of(contentType));
        }
        headerArguments.forEach((name, values) -> {
            if (!CREDENTIALS.contains(name.toLowerCase(Locale.ROOT))) {
                merged.put(name, List.copyOf(values));
            }
        });
        if (!cookieArguments.isEmpty()) {
            List<String> cookies = new ArrayList<>(merged.getOrDefault(HttpHeaders.COOKIE, List.of()));
            Set<String> sent = cookieNames(cookies);
            cookieArguments.forEach((name, value) -> {
                // a value that would read as more than one cookie ("a; JSESSIONID=x") is left out of the header,
                // not smuggled in; the parameter and getCookies() still have it
                if (!sent.contains(name) && isCookieOctets(name) && name.indexOf('=') < 0 && isCookieOctets(value)) {
                    cookies.add(name + "=" + value);
                }
            });
            merged.put(HttpHeaders.COOKIE, List.of(String.join("; ", cookies)));
        }
        this.headers = merged;
    }

    /** RFC 6265 cookie-octets: printable ASCII but blank, '"', ',', ';' and '\\'. */
    private static boolean isCookieOctets(String text) {
        return text.chars().noneMatch(c -> c <= ' ' || c >= 0x7f || c == ';' || c == ',' || c == '"' || c == '\\');
    }

    /** The names of the cookies in Cookie headers ("a=1; b=2"). */
    private static Set<String> cookieNames(List<String> headers) {
        Set<String> names = new HashSet<>();
        for (String header : headers) {
            for (String cookie : header.split("[;,]")) {
                int equals = cookie.indexOf('=');
                names.add((equals < 0 ? cookie : cookie.substring(0, equals)).strip());
            }
        }
        return names;
    }

    /** Case-insensitive names, as HTTP has them. */
    private static final class Headers extends AbstractMultivaluedMap<String, String> {
        Headers() {
            super(new TreeMap<>(String.CASE_INSENSITIVE_ORDER));
        }
    }

    @Override
    public List<String> getRequestHeader(String name) {
        List<String> values = headers.get(name);
        return values == null ? null : List.copyOf(values);
    }

    @Override
    public String getHeaderString(String name) {
        List<String> values = headers.get(name);
        return values == null ? null : String.join(",", values);
    }

    @Override
    public MultivaluedMap<String, String> getRequestHeaders() {
        Headers copy = new Headers(); // a copy the caller may change without changing these headers
        headers.forEach((name, values) -> copy.put(name, new ArrayList<>(values)));
        return copy;
    }

    @Override
    public List<MediaType> getAcceptableMediaTypes() {
        return List.of(MediaType.valueOf(accept));
    }

    @Override
    public List<Locale> getAcceptableLanguages() {
        return request.getAcceptableLanguages();
    }

    @Override
    public MediaType getMediaType() {
        return contentType == null ? null : MediaType.valueOf(contentType);
    }

    @Override
    public Locale getLanguage() {
        return request.getLanguage();
    }

    @Override
    public Map<String, Cookie> getCookies() {
        Map<String, Cookie> cookies = new LinkedHashMap<>();
        cookieArguments.forEach((name, value) -> cookies.put(name, new Cookie.Builder(name).value(value).build()));
        cookies.putAll(request.getCookies()); // the MCP request's own cookies win: they may be credentials
        return Map.copyOf(cookies);
    }

    @Override
    public Date getDate() {
        return request.getDate();
    }

    /** 0 for a call without a body; else unknown, as for a chunked body (it has no length in the MCP request). */
    @Override
    public int getLength() {
        return contentType == null ? 0 : -1;
    }
}
