package io.mcpee.network;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.util.Collections;
import java.util.List;
import java.util.Optional;

/**
 * The address of the client behind a request, for the audit log and for throttling anonymous callers. Forwarding
 * headers ({@code X-Forwarded-For}, else RFC 7239 {@code Forwarded}) count only when the connection comes from one
 * of {@code mcpee.security.trusted-proxies}; otherwise the peer address is the client.
 */
@ApplicationScoped
public class ClientAddresses {
    private final TrustedProxies proxies;

    @Inject
    ClientAddresses(@ConfigProperty(name = "mcpee.security.trusted-proxies") Optional<String> proxies) {
        try {
            this.proxies = proxies.map(TrustedProxies::parse).orElse(TrustedProxies.NONE);
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("mcpee.security.trusted-proxies: " + e.getMessage(), e);
        }
    }

    /** For the CDI client proxy only. */
    protected ClientAddresses() {
        this.proxies = null;
    }

    public String of(HttpServletRequest request) {
        String peer = request.getRemoteAddr();
        if (proxies.isEmpty() || !proxies.trusts(peer)) {
            return peer;
        }
        List<String> forwarded = TrustedProxies.xForwardedFor(Collections.list(request.getHeaders("X-Forwarded-For")));
        if (forwarded.isEmpty()) {
            forwarded = TrustedProxies.forwarded(Collections.list(request.getHeaders("Forwarded")));
        }
        return proxies.client(peer, forwarded);
    }
}
