package io.mcpee.transport;

import io.mcpee.protocol.ErrorCode;
import io.mcpee.protocol.JsonText;
import io.mcpee.protocol.ProtocolException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The {@code requestState} of a 2026-07-28 {@code input_required} round: the answers the client gave in earlier
 * rounds, for the tool, caller and time it was issued to, sealed with HMAC-SHA256 so that a client can carry it but
 * not change it. The key is {@code mcpee.mcp.request-state-key} (base64, at least 32 bytes; the same on every
 * server of a cluster), else a random one per start, so a restart ends the rounds under way (the client starts the
 * call again). A state is good for ten minutes.
 */
@ApplicationScoped
class RequestStates {
    private static final Duration LIFETIME = Duration.ofMinutes(10);
    private static final String ALGORITHM = "HmacSHA256";

    private final SecretKeySpec key;
    private final Clock clock;

    @Inject
    RequestStates(@ConfigProperty(name = "mcpee.mcp.request-state-key") Optional<String> configured) {
        this(key(configured), Clock.systemUTC());
    }

    RequestStates(byte[] key, Clock clock) {
        this.key = new SecretKeySpec(key, ALGORITHM);
        this.clock = clock;
    }

    /** For the CDI client proxy only. */
    protected RequestStates() {
        this.key = null;
        this.clock = null;
    }

    /** The sealed state carrying {@code answers} to the next round of {@code tool} for {@code caller}. */
    String seal(String tool, String caller, Map<String, JsonObject> answers) {
        var given = JsonText.BUILDERS.createObjectBuilder();
        answers.forEach(given::add);
        String body = JsonText.BUILDERS.createObjectBuilder().add("tool", tool).add("caller", caller)
                .add("expires", clock.instant().plus(LIFETIME).getEpochSecond()).add("answers", given).build()
                .toString();
        String encoded = Base64.getUrlEncoder().withoutPadding().encodeToString(body.getBytes(StandardCharsets.UTF_8));
        return encoded + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(mac(encoded));
    }

    /**
     * The answers a state carries, when it was sealed here for this tool and caller and has not expired.
     *
     * @throws ProtocolException -32602 for any other state: changed, another call's, expired, or not one at all
     */
    Map<String, JsonObject> open(String state, String tool, String caller) {
        int dot = state.indexOf('.');
        try {
            if (dot > 0 && MessageDigest.isEqual(mac(state.substring(0, dot)),
                    Base64.getUrlDecoder().decode(state.substring(dot + 1)))) {
                JsonObject body = JsonText.parseObject(new String(Base64.getUrlDecoder()
                        .decode(state.substring(0, dot)), StandardCharsets.UTF_8));
                if (tool.equals(body.getString("tool")) && caller.equals(body.getString("caller"))
                        && clock.instant().getEpochSecond() <= body.getJsonNumber("expires").longValue()) {
                    Map<String, JsonObject> answers = new LinkedHashMap<>();
                    body.getJsonObject("answers").forEach((k, v) -> answers.put(k, v.asJsonObject()));
                    return answers;
                }
            }
        } catch (IllegalArgumentException | ClassCastException | NullPointerException e) {
            // not base64, not our JSON: as invalid as a changed one
        }
        throw new ProtocolException(ErrorCode.INVALID_PARAMS, "Invalid params: \"requestState\" was not issued for "
                + "this call, was changed, or has expired; call the tool again without it");
    }

    private byte[] mac(String encoded) {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(key);
            return mac.doFinal(encoded.getBytes(StandardCharsets.US_ASCII));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available", e);
        }
    }

    private static byte[] key(Optional<String> configured) {
        if (configured.isEmpty()) {
            byte[] random = new byte[32];
            new SecureRandom().nextBytes(random);
            return random;
        }
        byte[] key;
        try {
            key = Base64.getDecoder().decode(configured.get().strip());
        } catch (IllegalArgumentException e) {
            key = new byte[0];
        }
        if (key.length < 32) {
            // the value is a secret: never echoed
            throw new IllegalArgumentException("mcpee.mcp.request-state-key must be base64 of at least 32 bytes");
        }
        return key;
    }
}
