package io.mcpee.network;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Which proxies are believed, and the client address their forwarding headers reveal. */
class TrustedProxiesTest {

    // parse

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "127.0.0.1         | 127.0.0.1         | 127.0.0.2",
            "10.0.0.0/8        | 10.255.1.2        | 11.0.0.1",
            "10.0.0.0/8        | 10.0.0.0          | 9.255.255.255",
            "192.168.1.0/24    | 192.168.1.255     | 192.168.2.0",
            "192.168.1.7/32    | 192.168.1.7       | 192.168.1.6",
            "172.16.0.0/12     | 172.31.255.255    | 172.32.0.0",
            "::1               | ::1               | ::2",
            "fd00::/8          | fd12:3456::1      | fe00::1",
            "2001:db8::/32     | 2001:db8:ffff::1  | 2001:db9::1",
            "2001:db8::1/128   | 2001:db8::1       | 2001:db8::2",
            "fe80::1%eth0      | fe80::1           | fe80::2",
    })
    void parsesAddressesAndBlocks(String list, String inside, String outside) {
        TrustedProxies proxies = TrustedProxies.parse(list);
        assertFalse(proxies.isEmpty());
        assertTrue(proxies.trusts(inside), inside + " in " + list);
        assertFalse(proxies.trusts(outside), outside + " not in " + list);
    }

    @Test
    void hostBitsBelowThePrefixDoNotMatter() {
        TrustedProxies proxies = TrustedProxies.parse("10.1.2.3/8");
        assertTrue(proxies.trusts("10.200.0.1"));
        assertFalse(proxies.trusts("11.1.2.3"));
    }

    @Test
    void slashZeroTrustsEveryAddressOfItsFamilyOnly() {
        TrustedProxies v4 = TrustedProxies.parse("0.0.0.0/0");
        assertTrue(v4.trusts("0.0.0.0"));
        assertTrue(v4.trusts("203.0.113.9"));
        assertTrue(v4.trusts("255.255.255.255"));
        assertFalse(v4.trusts("::1"));
        assertFalse(v4.trusts("2001:db8::1"));

        TrustedProxies v6 = TrustedProxies.parse("::/0");
        assertTrue(v6.trusts("::1"));
        assertTrue(v6.trusts("ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff"));
        assertFalse(v6.trusts("127.0.0.1"));
        assertFalse(v6.trusts("10.0.0.1"));
    }

    @Test
    void aListWithSpacesAndEmptyItems() {
        TrustedProxies proxies = TrustedProxies.parse(" 10.0.0.0/8 ,, ::1 , ,192.168.0.1,");
        assertTrue(proxies.trusts("10.1.1.1"));
        assertTrue(proxies.trusts("::1"));
        assertTrue(proxies.trusts("192.168.0.1"));
        assertFalse(proxies.trusts("192.168.0.2"));
        assertFalse(proxies.trusts("127.0.0.1"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", " ", ",", " , ,"})
    void nothingButEmptyItemsTrustsNobody(String list) {
        TrustedProxies proxies = TrustedProxies.parse(list);
        assertTrue(proxies.isEmpty());
        assertFalse(proxies.trusts("127.0.0.1"));
        assertFalse(proxies.trusts("::1"));
    }

    @Test
    void noneTrustsNobody() {
        assertTrue(TrustedProxies.NONE.isEmpty());
        assertFalse(TrustedProxies.NONE.trusts("127.0.0.1"));
        assertEquals("203.0.113.9", TrustedProxies.NONE.client("203.0.113.9", List.of("198.51.100.1")));
    }

    @ParameterizedTest
    @ValueSource(strings = {"localhost", "proxy.example.com", "10.0.0.0/33", "::1/129", "fd00::/-1", "300.1.1.1",
            "1.2.3.256/8", "10.0.0.0/x", "10.0.0.0/", "10.0.0.0/8/8", "/8", "10.0.0", "10.0.0.0.1", "1.2.3.4:80",
            "[::1]", "::g", ":::", "unknown", "*", "10.0.0.0/8 12", "0x7f.0.0.1"})
    void rejectsWhatIsNotAnAddressOrBlock(String entry) {
        assertThrows(IllegalArgumentException.class, () -> TrustedProxies.parse(entry));
        assertThrows(IllegalArgumentException.class, () -> TrustedProxies.parse("127.0.0.1, " + entry),
                "one bad entry spoils the list");
    }

    @Test
    void theMessageNamesTheEntry() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> TrustedProxies.parse("10.0.0.0/8, 10.0.0.0/33"));
        assertTrue(e.getMessage().contains("10.0.0.0/33"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> TrustedProxies.parse("::1,gateway"));
        assertTrue(e.getMessage().contains("gateway"), e.getMessage());
    }

    // trusts

    @Test
    void ipv4AndIpv6BlocksNeverCrossMatch() {
        // 10.0.0.1 and ::a00:1 share their low 32 bits; fd00::/8 and 253.0.0.0/8 their top 8
        TrustedProxies v4 = TrustedProxies.parse("10.0.0.0/8, 253.0.0.0/8");
        assertFalse(v4.trusts("::a00:1"));
        assertFalse(v4.trusts("fd00::1"));
        TrustedProxies v6 = TrustedProxies.parse("::/96, fd00::/8");
        assertFalse(v6.trusts("10.0.0.1"));
        assertFalse(v6.trusts("253.0.0.1"));
        assertTrue(v6.trusts("::a00:1"));
    }

    @Test
    void everySpellingOfAnAddressIsTheSameAddress() {
        TrustedProxies loopback = TrustedProxies.parse("::1");
        assertTrue(loopback.trusts("0:0:0:0:0:0:0:1"), "as HttpServletRequest.getRemoteAddr() spells it");
        assertTrue(loopback.trusts("0000:0000:0000:0000:0000:0000:0000:0001"));
        assertTrue(loopback.trusts("::1"));
        assertTrue(TrustedProxies.parse("0:0:0:0:0:0:0:1").trusts("::1"));
        assertTrue(TrustedProxies.parse("2001:DB8::/32").trusts("2001:db8::abcd"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"localhost", "LOCALHOST", "ip6-localhost", "proxy", "127.0.0.1.nip.io", "unknown",
            "_hidden", "", " 127.0.0.1", "127.0.0.1:8080", "[::1]", "127.1", "2130706433", "0x7f000001",
            "127.0.0.1/32", "127.0.0.256", "::1::", ".:1"})
    void trustsOnlyLiteralAddressesAndResolvesNoName(String address) {
        // everything is trusted, so only a refusal to read the text as an address can say no
        TrustedProxies everything = TrustedProxies.parse("0.0.0.0/0, ::/0");
        assertFalse(everything.trusts(address), address);
    }

    /**
     * Text that is not a literal must never reach a name service. {@code InetAddress.getByName} looks up anything
     * that starts with neither a hex digit nor {@code ':'}, so {@code ".:1"} was resolved. Seen in a JVM whose name
     * service is a hosts file mapping {@code .:1} to 10.9.9.9: had it been looked up, it would be trusted.
     */
    @Test
    void noTextIsLookedUp(@org.junit.jupiter.api.io.TempDir Path dir) throws IOException, InterruptedException {
        Path hosts = Files.writeString(dir.resolve("hosts"), "10.9.9.9 .:1\n10.9.9.9 ..:1\n10.9.9.9 .::1\n");
        Process child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Djdk.net.hosts.file=" + hosts, "-cp", System.getProperty("java.class.path"),
                LookupProbe.class.getName()).redirectErrorStream(true).start();
        assertTrue(child.waitFor(60, TimeUnit.SECONDS), "the child JVM did not end");
        String output = new String(child.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        assertEquals(0, child.exitValue(), output);
        assertEquals("probe: 10.9.9.9 resolved; .:1 false rejected; ..:1 false rejected; .::1 false rejected",
                output);
    }

    /** Run in the child JVM of {@link #noTextIsLookedUp}. */
    static final class LookupProbe {
        public static void main(String[] args) throws IOException {
            StringBuilder out = new StringBuilder("probe: ");
            // the hosts file is in use: a name in it does resolve
            out.append(java.net.InetAddress.getByName(".:1").getHostAddress()).append(" resolved");
            TrustedProxies tenSlashEight = TrustedProxies.parse("10.0.0.0/8");
            for (String text : new String[] {".:1", "..:1", ".::1"}) {
                out.append("; ").append(text).append(' ').append(tenSlashEight.trusts(text));
                try {
                    TrustedProxies.parse(text);
                    out.append(" parsed");
                } catch (IllegalArgumentException e) {
                    out.append(" rejected");
                }
            }
            System.out.println(out);
        }
    }

    @Test
    void nullIsNotTrusted() {
        assertFalse(TrustedProxies.parse("0.0.0.0/0, ::/0").trusts(null));
    }

    // client

    private static final TrustedProxies PROXIES = TrustedProxies.parse("10.0.0.0/8, 127.0.0.1, ::1");

    @Test
    void anUntrustedPeerIsTheClientWhateverItsHeadersSay() {
        assertEquals("203.0.113.9", PROXIES.client("203.0.113.9", List.of()));
        assertEquals("203.0.113.9", PROXIES.client("203.0.113.9", List.of("10.0.0.1")));
        assertEquals("203.0.113.9", PROXIES.client("203.0.113.9", List.of("198.51.100.1", "10.0.0.2")));
        assertEquals("2001:db8::1", PROXIES.client("2001:db8::1", List.of("127.0.0.1")));
    }

    @Test
    void aTrustedPeerWithoutHeadersIsTheClient() {
        assertEquals("10.0.0.5", PROXIES.client("10.0.0.5", List.of()));
    }

    @Test
    void aTrustedPeerRevealsTheRightmostUntrustedHop() {
        assertEquals("203.0.113.9", PROXIES.client("10.0.0.5", List.of("203.0.113.9")));
        // the client made up the first two: only the hop the proxy appended counts
        assertEquals("203.0.113.9",
                PROXIES.client("10.0.0.5", List.of("1.1.1.1", "10.9.9.9", "203.0.113.9")));
    }

    @Test
    void aChainOfTrustedProxiesIsWalkedToTheFirstUntrustedHop() {
        assertEquals("198.51.100.7", PROXIES.client("127.0.0.1",
                List.of("8.8.8.8", "198.51.100.7", "10.1.0.1", "10.2.0.1")));
        assertEquals("2001:db8::7", PROXIES.client("0:0:0:0:0:0:0:1", List.of("2001:db8::7", "::1", "10.0.0.3")));
    }

    @Test
    void whenEveryHopIsTrustedTheLeftmostIsTheClient() {
        assertEquals("10.0.0.1", PROXIES.client("10.0.0.9", List.of("10.0.0.1", "10.0.0.2", "127.0.0.1")));
    }

    @Test
    void hopsAreNormalisedBeforeTheyAreJudged() {
        assertEquals("203.0.113.9", PROXIES.client("10.0.0.5", List.of(" 203.0.113.9:50123 ")));
        assertEquals("2001:db8:cafe::17", PROXIES.client("10.0.0.5", List.of("\"[2001:db8:cafe::17]:4711\"")));
        // a trusted hop with a port is still trusted
        assertEquals("203.0.113.9", PROXIES.client("10.0.0.5", List.of("203.0.113.9", "\"10.0.0.4:8080\"")));
        assertEquals("203.0.113.9", PROXIES.client("10.0.0.5", List.of("203.0.113.9", "[::1]:443")));
    }

    @ParameterizedTest
    @ValueSource(strings = {"unknown", "_hidden", "localhost", "proxy.internal", "garbage!", "", "\"\"", "300.1.1.1",
            "[::1", "10.0.0.1, 10.0.0.2"})
    void somethingElseInTheChainStopsAtTheLastTrustedHop(String hop) {
        assertEquals("10.0.0.5", PROXIES.client("10.0.0.5", List.of(hop)), hop);
        assertEquals("10.0.0.7", PROXIES.client("10.0.0.5", List.of("203.0.113.9", hop, "10.0.0.7")), hop);
    }

    @Test
    void aNameIsNeverTakenForTheClientEvenFromATrustedProxy() {
        assertEquals("127.0.0.1", PROXIES.client("127.0.0.1", List.of("localhost")));
        assertEquals("127.0.0.1", PROXIES.client("127.0.0.1", List.of("evil.example.com")));
    }

    @Test
    void aNullPeerIsNeitherTrustedNorReplaced() {
        assertEquals(null, PROXIES.client(null, List.of("203.0.113.9")));
    }

    // headers

    @Test
    void xForwardedForJoinsEveryHeaderAndList() {
        assertEquals(List.of("203.0.113.9", "10.0.0.1", "10.0.0.2", "2001:db8::1"), TrustedProxies.xForwardedFor(
                List.of("203.0.113.9, 10.0.0.1", " 10.0.0.2 ,,  ", "2001:db8::1")));
        assertEquals(List.of(), TrustedProxies.xForwardedFor(List.of()));
        assertEquals(List.of(), TrustedProxies.xForwardedFor(List.of("", " ", " , ,")));
        assertEquals(List.of("unknown", "a b"), TrustedProxies.xForwardedFor(List.of("unknown,a b")),
                "values are kept as they are; client() judges them");
    }

    @Test
    void forwardedTakesTheForParameterOfEveryElement() {
        assertEquals(List.of("192.0.2.60"),
                TrustedProxies.forwarded(List.of("for=192.0.2.60;proto=http;by=203.0.113.43")));
        assertEquals(List.of("192.0.2.43", "198.51.100.17"),
                TrustedProxies.forwarded(List.of("for=192.0.2.43, for=198.51.100.17")));
        assertEquals(List.of("\"[2001:db8:cafe::17]:4711\""),
                TrustedProxies.forwarded(List.of("For=\"[2001:db8:cafe::17]:4711\"")));
        assertEquals(List.of("192.0.2.43", "\"_hidden\"", "10.0.0.1"), TrustedProxies.forwarded(List.of(
                "proto=https;FOR=192.0.2.43;host=example.com, for=\"_hidden\"", "by=10.0.0.9; for=10.0.0.1")));
        assertEquals(List.of(), TrustedProxies.forwarded(List.of("proto=http;by=203.0.113.43", "", "forx=1.2.3.4")));
    }

    @Test
    void forwardedAddressesLeadToTheClient() {
        List<String> hops = TrustedProxies.forwarded(List.of("for=\"[2001:db8:cafe::17]:4711\";proto=https",
                "for=10.0.0.2:8080;by=10.0.0.3"));
        assertEquals("2001:db8:cafe::17", PROXIES.client("10.0.0.3", hops));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "192.0.2.60                     | 192.0.2.60",
            "'  192.0.2.60  '               | 192.0.2.60",
            "192.0.2.60:8080                | 192.0.2.60",
            "\"192.0.2.60:8080\"            | 192.0.2.60",
            "\"192.0.2.60\"                 | 192.0.2.60",
            "[2001:db8:cafe::17]:4711       | 2001:db8:cafe::17",
            "\"[2001:db8:cafe::17]:4711\"   | 2001:db8:cafe::17",
            "\"[2001:db8:cafe::17]\"        | 2001:db8:cafe::17",
            "[::1]                          | ::1",
            "2001:db8:cafe::17              | 2001:db8:cafe::17",
            "::1                            | ::1",
            "::ffff:192.0.2.60              | ::ffff:192.0.2.60",
            "\"_hidden\"                    | _hidden",
            "unknown                        | unknown",
            "localhost:8080                 | localhost:8080",
            "[::1                           | [::1",
            "\"                             | \"",
    })
    void normaliseStripsQuotesBracketsAndPorts(String address, String expected) {
        assertEquals(expected, TrustedProxies.normalise(address));
    }
}
