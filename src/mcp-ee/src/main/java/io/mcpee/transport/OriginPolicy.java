package io.mcpee.transport;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Who may call the endpoint from a browser, and DNS-rebinding protection.
 * <ul>
 * <li>A request that reached the server on a loopback address must name a loopback host in {@code Host}: a page
 * on {@code evil.example} rebound to 127.0.0.1 sends {@code Host: evil.example}.</li>
 * <li>An {@code Origin}, when present, must be in {@code mcpee.mcp.allowed-origins}, or be a loopback origin
 * while the server is addressed as loopback. Clients that are not browsers send no {@code Origin}.</li>
 * </ul>
 */
final class OriginPolicy {
    private static final Pattern IPV4_LOOPBACK = Pattern.compile("127(\\.\\d{1,3}){3}");
    private static final Pattern IP_LITERAL = Pattern.compile("[0-9a-fA-F:.%]+");

    private final List<String> allowedOrigins;

    OriginPolicy(List<String> allowedOrigins) {
        this.allowedOrigins = List.copyOf(allowedOrigins);
    }

    /** Null when allowed, else why not (for the 403 body). */
    String check(String origin, String host, String localAddress) {
        boolean loopbackServer = isLoopbackAddress(localAddress);
        boolean loopbackHost = host != null && isLoopbackName(hostName(host));
        if (loopbackServer && !loopbackHost) {
            return "Forbidden: Host header not allowed";
        }
        if (origin == null) {
            return null;
        }
        String normalized = origin.strip().toLowerCase(Locale.ROOT);
        if (allowedOrigins.contains(normalized)) {
            return null;
        }
        if (loopbackHost && isLoopbackOrigin(normalized)) {
            return null;
        }
        return "Forbidden: Origin not allowed";
    }

    private static boolean isLoopbackOrigin(String origin) {
        try {
            URI uri = URI.create(origin);
            return ("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) && uri.getHost() != null
                    && isLoopbackName(uri.getHost());
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    /** The host part of a Host header: "[::1]:8080" gives "[::1]", "localhost:8080" gives "localhost". */
    static String hostName(String hostHeader) {
        String host = hostHeader.strip().toLowerCase(Locale.ROOT);
        if (host.startsWith("[")) {
            int end = host.indexOf(']');
            return end < 0 ? host : host.substring(0, end + 1);
        }
        int colon = host.indexOf(':');
        return colon < 0 ? host : host.substring(0, colon);
    }

    static boolean isLoopbackName(String host) {
        String name = host.toLowerCase(Locale.ROOT);
        return name.equals("localhost") || name.endsWith(".localhost") || name.equals("[::1]")
                || name.equals("::1") || IPV4_LOOPBACK.matcher(name).matches();
    }

    private static boolean isLoopbackAddress(String address) {
        if (address == null || address.isEmpty()) {
            return false;
        }
        if (IPV4_LOOPBACK.matcher(address).matches() || address.equals("::1")
                || address.equals("0:0:0:0:0:0:0:1")) {
            return true;
        }
        try {
            // a literal address only: the check must not wait on DNS
            return IP_LITERAL.matcher(address).matches() && InetAddress.getByName(address).isLoopbackAddress();
        } catch (UnknownHostException e) {
            return false;
        }
    }
}
