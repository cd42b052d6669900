package io.mcpee.security;

import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jose.jwk.source.JWKSetCacheRefreshEvaluator;
import com.nimbusds.jose.jwk.source.JWKSetParseException;
import com.nimbusds.jose.jwk.source.JWKSetRetrievalException;
import com.nimbusds.jose.jwk.source.JWKSetSource;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.jwk.source.JWKSourceBuilder;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jose.util.Base64URL;
import com.nimbusds.jose.util.DefaultResourceRetriever;
import com.nimbusds.jose.util.ResourceRetriever;
import com.nimbusds.jose.util.X509CertUtils;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.MalformedURLException;
import java.net.URI;
import java.net.URL;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.cert.X509Certificate;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.X509EncodedKeySpec;
import java.text.ParseException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.logging.Logger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Where verification keys come from, in every form MP JWT allows: a JWKS fetched over http(s) (cached, refetched
 * for an unknown kid, rate-limited), or key text loaded once from the classpath, a file or the config value itself.
 * Key text may be PEM ({@code PUBLIC KEY} or {@code CERTIFICATE}), a JWK, a JWKS, base64url of a JWK or JWKS, or
 * base64 DER. Nimbus's own PEM parser needs BouncyCastle, which we do not want in the WAR, so PEM goes through the
 * JDK's {@link KeyFactory}.
 */
final class JwtKeys {
    private static final Logger LOG = Logger.getLogger(JwtKeys.class.getName());
    private static final Pattern PEM = Pattern.compile(
            "-----BEGIN ([A-Z0-9 ]+)-----([A-Za-z0-9+/=\\s]*?)-----END \\1-----");
    /** A JWKS is a few kilobytes; the limit stops a misconfigured URL from filling the heap. */
    private static final int MAX_KEY_SET_BYTES = 256 * 1024;

    private JwtKeys() {
    }

    /** The key source the settings describe; settings without a key have none (the verifier is disabled). */
    static JWKSource<SecurityContext> source(JwtSettings settings, ClassLoader loader) {
        if (settings.inlineKey().isPresent()) {
            return new ImmutableJWKSet<>(parse(settings.inlineKey().get(), JwtSettings.INLINE_KEY));
        }
        String location = settings.keyLocation().orElseThrow();
        String scheme = scheme(location);
        if (scheme.equals("http") || scheme.equals("https")) {
            return remote(url(location), settings);
        }
        return new ImmutableJWKSet<>(parse(read(location, scheme, loader), location));
    }

    /**
     * A remote key set behind Nimbus's cache and rate limiter: a token whose kid is not in the cached set makes
     * {@code JWKSetBasedJWKSource} fetch again (key rotation at the IdP), and the rate limiter allows that at most
     * twice per {@code jwksRefreshMinInterval}. No refresh-ahead: it would start threads of its own inside the
     * application server. Nothing is fetched before the first token arrives, so the IdP may be down at deployment.
     */
    private static JWKSource<SecurityContext> remote(URL url, JwtSettings settings) {
        if (url.getProtocol().equals("http") && !loopback(url.getHost())) {
            LOG.warning("mcp-ee: JWT verification keys are fetched over plain http from " + url.getHost()
                    + ": anyone on the network path can substitute them. Use https.");
        }
        int timeout = (int) Math.min(Integer.MAX_VALUE, settings.jwksTimeout().toMillis());
        ResourceRetriever retriever = new DefaultResourceRetriever(timeout, timeout, MAX_KEY_SET_BYTES);
        return JWKSourceBuilder.create(new AnyFormatKeySetSource(url, retriever))
                .cache(settings.jwksCacheTtl().toMillis(), timeout)
                .refreshAheadCache(false)
                .rateLimited(settings.jwksRefreshMinInterval().toMillis())
                .build();
    }

    /** Fetches a URL on demand and parses whatever key format it holds (Nimbus's own URL source takes JWKS only). */
    private record AnyFormatKeySetSource(URL url, ResourceRetriever retriever)
            implements JWKSetSource<SecurityContext> {
        @Override
        public JWKSet getJWKSet(JWKSetCacheRefreshEvaluator refreshEvaluator, long currentTime,
                                SecurityContext context) throws JWKSetRetrievalException, JWKSetParseException {
            String content;
            try {
                content = retriever.retrieveResource(url).getContent();
            } catch (IOException e) {
                throw new JWKSetRetrievalException("cannot fetch the JWT verification keys from " + url + ": "
                        + e.getMessage(), e);
            }
            try {
                return parse(content, url.toString());
            } catch (IllegalArgumentException e) {
                throw new JWKSetParseException(e.getMessage(), e);
            }
        }

        @Override
        public void close() {
            // nothing held between fetches
        }
    }

    /**
     * Parses key text in any supported form into the public keys it holds. Private key parts, should the text
     * hold any, are dropped: verification needs none, and we do not keep secrets we were not meant to have.
     *
     * @throws IllegalArgumentException naming {@code origin} (never the content) when nothing usable is found
     */
    static JWKSet parse(String content, String origin) {
        String text = content.strip();
        List<JWK> keys = new ArrayList<>();
        try {
            if (text.startsWith("{")) {
                keys.addAll(json(text));
            } else if (text.contains("-----BEGIN")) {
                keys.addAll(pem(text, origin));
            } else {
                keys.addAll(encoded(text, origin));
            }
        } catch (ParseException | GeneralSecurityException e) {
            throw new IllegalArgumentException("the JWT verification key from " + origin + " cannot be read: "
                    + e.getMessage(), e);
        }
        List<JWK> usable = keys.stream()
                .filter(k -> k instanceof RSAKey || k instanceof ECKey)
                .map(JWK::toPublicJWK)
                .toList();
        if (usable.isEmpty()) {
            throw new IllegalArgumentException("no RSA or EC public key found in " + origin);
        }
        return new JWKSet(usable);
    }

    private static List<JWK> json(String text) throws ParseException {
        if (text.contains("\"keys\"")) {
            return JWKSet.parse(text).getKeys();
        }
        return List.of(JWK.parse(text));
    }

    private static List<JWK> pem(String text, String origin) throws GeneralSecurityException {
        List<JWK> keys = new ArrayList<>();
        Matcher block = PEM.matcher(text);
        while (block.find()) {
            byte[] der = Base64.getMimeDecoder().decode(block.group(2));
            switch (block.group(1)) {
                case "PUBLIC KEY" -> keys.add(jwk(publicKey(der)));
                case "CERTIFICATE" -> {
                    X509Certificate certificate = X509CertUtils.parse(der);
                    if (certificate == null) {
                        throw new GeneralSecurityException("unreadable CERTIFICATE block");
                    }
                    keys.add(jwk(certificate.getPublicKey()));
                }
                default -> throw new GeneralSecurityException("PEM block \"" + block.group(1)
                        + "\" is not supported; give a PUBLIC KEY (SubjectPublicKeyInfo) or a CERTIFICATE");
            }
        }
        if (keys.isEmpty()) {
            throw new GeneralSecurityException("no complete PEM block in " + origin);
        }
        return keys;
    }

    /** MP JWT also allows a base64url-encoded JWK or JWKS; SmallRye and Payara take bare base64 DER too. */
    private static List<JWK> encoded(String text, String origin) throws ParseException, GeneralSecurityException {
        String compact = text.replaceAll("\\s", "");
        if (compact.matches("[A-Za-z0-9_-]+={0,2}")) {
            String decoded = new Base64URL(compact).decodeToString();
            if (decoded.strip().startsWith("{")) {
                return json(decoded.strip());
            }
        }
        try {
            return List.of(jwk(publicKey(Base64.getDecoder().decode(compact))));
        } catch (IllegalArgumentException e) {
            throw new GeneralSecurityException("neither PEM, JWK, JWKS nor base64 DER in " + origin);
        }
    }

    private static PublicKey publicKey(byte[] der) throws GeneralSecurityException {
        X509EncodedKeySpec spec = new X509EncodedKeySpec(der);
        try {
            return KeyFactory.getInstance("RSA").generatePublic(spec);
        } catch (GeneralSecurityException notRsa) {
            try {
                return KeyFactory.getInstance("EC").generatePublic(spec);
            } catch (GeneralSecurityException notEc) {
                throw new GeneralSecurityException("the PUBLIC KEY is neither RSA nor EC");
            }
        }
    }

    private static JWK jwk(PublicKey key) throws GeneralSecurityException {
        if (key instanceof RSAPublicKey rsa) {
            return new RSAKey.Builder(rsa).build();
        }
        if (key instanceof ECPublicKey ec) {
            Curve curve = Curve.forECParameterSpec(ec.getParams());
            if (curve == null) {
                throw new GeneralSecurityException("unsupported EC curve");
            }
            return new ECKey.Builder(curve, ec).build();
        }
        throw new GeneralSecurityException("unsupported key type " + key.getAlgorithm());
    }

    private static String read(String location, String scheme, ClassLoader loader) {
        try {
            return switch (scheme) {
                case "classpath" -> resource(location.substring("classpath:".length()), loader, location);
                case "file" -> Files.readString(Path.of(URI.create(location)), StandardCharsets.UTF_8);
                case "" -> {
                    // MP JWT: a plain path is tried as a classpath resource first, then as a file
                    InputStream in = loader.getResourceAsStream(strip(location));
                    if (in != null) {
                        try (in) {
                            yield new String(in.readAllBytes(), StandardCharsets.UTF_8);
                        }
                    }
                    yield Files.readString(Path.of(location), StandardCharsets.UTF_8);
                }
                default -> throw new IllegalArgumentException(JwtSettings.KEY_LOCATION + " \"" + location
                        + "\": scheme " + scheme + " is not supported (use http, https, classpath or file)");
            };
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the JWT verification key from " + location, e);
        }
    }

    private static String resource(String name, ClassLoader loader, String location) throws IOException {
        try (InputStream in = loader.getResourceAsStream(strip(name))) {
            if (in == null) {
                throw new IllegalArgumentException("no classpath resource " + location);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static String strip(String resourceName) {
        return resourceName.startsWith("/") ? resourceName.substring(1) : resourceName;
    }

    /** The URI scheme, lower case, or "" for a plain path (a Windows drive letter is a path, not a scheme). */
    private static String scheme(String location) {
        int colon = location.indexOf(':');
        if (colon < 2 || !location.substring(0, colon).matches("[A-Za-z][A-Za-z0-9+.-]*")) {
            return "";
        }
        return location.substring(0, colon).toLowerCase(Locale.ROOT);
    }

    private static URL url(String location) {
        try {
            return URI.create(location).toURL();
        } catch (IllegalArgumentException | MalformedURLException e) {
            throw new IllegalArgumentException(JwtSettings.KEY_LOCATION + " is not a valid URL: " + location, e);
        }
    }

    private static boolean loopback(String host) {
        try {
            return InetAddress.getByName(host).isLoopbackAddress();
        } catch (UnknownHostException e) {
            return false;
        }
    }
}
