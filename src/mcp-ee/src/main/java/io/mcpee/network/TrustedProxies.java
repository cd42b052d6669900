package io.mcpee.network;

import java.math.BigInteger;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The reverse proxies whose forwarding headers are believed, as addresses and CIDR blocks ({@code 10.0.0.0/8},
 * {@code 127.0.0.1}, {@code ::1}, {@code fd00::/8}), and the client address they reveal. Anyone can send
 * {@code X-Forwarded-For}; only a hop we trust may tell us who is behind it. The walk goes from the connection's
 * peer backwards through the forwarded addresses (rightmost first) while the current hop is trusted; the first
 * untrusted hop is the client. Literal addresses only: no name is ever resolved.
 */
final class TrustedProxies {
    private static final Pattern IPV4 = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");
    // it starts with a hex digit or ':', or InetAddress.getByName would look it up as a name
    private static final Pattern IPV6 = Pattern.compile("(?=[0-9A-Fa-f:])[0-9A-Fa-f:.]*:[0-9A-Fa-f:.]*");
    static final TrustedProxies NONE = new TrustedProxies(List.of());

    private final List<Block> blocks;

    private TrustedProxies(List<Block> blocks) {
        this.blocks = List.copyOf(blocks);
    }

    /** Comma-separated addresses and CIDR blocks; anything else is an {@link IllegalArgumentException}. */
    static TrustedProxies parse(String list) {
        List<Block> blocks = new ArrayList<>();
        for (String item : list.split(",")) {
            String entry = item.strip();
            if (entry.isEmpty()) {
                continue;
            }
            int slash = entry.indexOf('/');
            String address = slash < 0 ? entry : entry.substring(0, slash);
            byte[] bytes = literal(address);
            if (bytes == null) {
                throw new IllegalArgumentException("not an IP address or CIDR block: " + entry);
            }
            int bits = bytes.length * 8;
            int prefix = bits;
            if (slash >= 0) {
                try {
                    prefix = Integer.parseInt(entry.substring(slash + 1));
                } catch (NumberFormatException e) {
                    throw new IllegalArgumentException("not a CIDR block: " + entry);
                }
                if (prefix < 0 || prefix > bits) {
                    throw new IllegalArgumentException("prefix length out of range: " + entry);
                }
            }
            blocks.add(new Block(new BigInteger(1, bytes), bytes.length, prefix));
        }
        return new TrustedProxies(blocks);
    }

    boolean isEmpty() {
        return blocks.isEmpty();
    }

    boolean trusts(String address) {
        byte[] bytes = literal(address);
        if (bytes == null) {
            return false;
        }
        BigInteger value = new BigInteger(1, bytes);
        for (Block block : blocks) {
            if (block.contains(value, bytes.length)) {
                return true;
            }
        }
        return false;
    }

    /**
     * The client's address: {@code peer} (the connection's remote address) unless it is trusted, then the forwarded
     * addresses from the right while each hop is trusted. {@code forwarded} are the addresses of all
     * {@code X-Forwarded-For} headers in order (or {@code Forwarded: for=}), as received.
     */
    String client(String peer, List<String> forwarded) {
        String current = peer;
        for (int i = forwarded.size() - 1; i >= 0 && trusts(current); i--) {
            String hop = normalise(forwarded.get(i));
            if (literal(hop) == null) {
                // a name, "unknown" or garbage: the trusted hop before it is the last we can vouch for
                return current;
            }
            current = hop;
        }
        return current;
    }

    /** The addresses of X-Forwarded-For header values, in order. */
    static List<String> xForwardedFor(List<String> headerValues) {
        List<String> addresses = new ArrayList<>();
        for (String value : headerValues) {
            for (String part : value.split(",")) {
                if (!part.isBlank()) {
                    addresses.add(part.strip());
                }
            }
        }
        return addresses;
    }

    /** The {@code for=} addresses of RFC 7239 Forwarded header values, in order. */
    static List<String> forwarded(List<String> headerValues) {
        List<String> addresses = new ArrayList<>();
        for (String value : headerValues) {
            for (String element : value.split(",")) {
                for (String pair : element.split(";")) {
                    String trimmed = pair.strip();
                    if (trimmed.toLowerCase(Locale.ROOT).startsWith("for=")) {
                        addresses.add(trimmed.substring(4).strip());
                    }
                }
            }
        }
        return addresses;
    }

    /** Strips what forwarding headers wrap an address in: quotes, IPv6 brackets, a port. */
    static String normalise(String address) {
        String value = address.strip();
        if (value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"")) {
            value = value.substring(1, value.length() - 1);
        }
        if (value.startsWith("[")) {
            int end = value.indexOf(']');
            return end > 0 ? value.substring(1, end) : value;
        }
        int colon = value.indexOf(':');
        if (colon > 0 && colon == value.lastIndexOf(':') && IPV4.matcher(value.substring(0, colon)).matches()) {
            return value.substring(0, colon);
        }
        return value;
    }

    /** The bytes of a literal IPv4 or IPv6 address, or null: never a DNS lookup. */
    private static byte[] literal(String address) {
        if (address == null || address.isEmpty() || address.length() > 45) {
            return null;
        }
        String text = address;
        int zone = text.indexOf('%');
        if (zone > 0) {
            text = text.substring(0, zone);
        }
        boolean v4 = IPV4.matcher(text).matches();
        if (!v4 && !IPV6.matcher(text).matches()) {
            return null;
        }
        if (v4) {
            for (String octet : text.split("\\.")) {
                if (Integer.parseInt(octet) > 255) {
                    return null;
                }
            }
        }
        try {
            // a literal (checked above) is parsed, never looked up
            return InetAddress.getByName(text).getAddress();
        } catch (UnknownHostException e) {
            return null;
        }
    }

    private record Block(BigInteger network, int length, int prefix) {
        boolean contains(BigInteger address, int addressLength) {
            if (addressLength != length) {
                return false;
            }
            int shift = length * 8 - prefix;
            return address.shiftRight(shift).equals(network.shiftRight(shift));
        }
    }
}
