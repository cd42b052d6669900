package io.mcpee.guard;

import io.mcpee.api.AuthenticatedCaller;
import io.mcpee.api.Rate;
import io.mcpee.api.RateLimiter.Decision.Refused;
import io.mcpee.api.RateLimiter;
import io.mcpee.network.ClientAddresses;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.SecurityContext;
import jakarta.servlet.http.HttpServletRequest;

import java.security.Principal;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Logger;

/**
 * Who is calling, for throttling, and which budgets a request draws on. An agent is its credential, not its
 * owner: each agent token has its own budget (key: the token id, which survives regeneration), a JWT caller one per
 * subject and client, an anonymous caller one per client IP address (forwarded by a trusted proxy, else the peer's).
 * Budgets:
 * <ul>
 *   <li>every {@code tools/call}: the agent's overall rate — the token's own {@code rateLimit}, else
 *       {@code mcpee.throttle.authenticated}, or {@code mcpee.throttle.anonymous};</li>
 *   <li>a tool with a rate of its own: additionally that rate, per agent and tool;</li>
 *   <li>{@code tools/list} and {@code ping}: a separate, larger listing budget, so that spinning on them costs
 *       nothing of the budget for work, yet is bounded.</li>
 * </ul>
 */
@ApplicationScoped
public class Throttle {
    private static final Logger LOG = Logger.getLogger(Throttle.class.getName());

    private static final int MAX_CACHED_RATES = 1024;

    private final Map<String, Rate> tokenRates = new ConcurrentHashMap<>();
    private final RateLimiter limiter;
    private final ThrottleSettings settings;
    private final SecurityContext security;
    private final HttpServletRequest request;
    private final ClientAddresses addresses;

    @Inject
    Throttle(RateLimiter limiter, ThrottleSettings settings, SecurityContext security, HttpServletRequest request,
             ClientAddresses addresses) {
        this.limiter = limiter;
        this.settings = settings;
        this.security = security;
        this.request = request;
        this.addresses = addresses;
    }

    /** For the CDI client proxy only. */
    protected Throttle() {
        this.limiter = null;
        this.settings = null;
        this.security = null;
        this.request = null;
        this.addresses = null;
    }

    /**
     * Takes a permit for a call of this tool, or says how long to wait. The tool's own limit is checked first and
     * its permit given back when the overall budget refuses, so only calls that pass both are counted: a call
     * refused by the narrower limit never spends the agent's overall budget. A REST request no tool stands for
     * ({@code toolName} null) spends the overall budget only.
     */
    public Optional<Refused> admitToolCall(String toolName) {
        Agent agent = agent();
        Optional<Rate> toolRate = settings.tool(toolName);
        String toolKey = agent.key() + " tool " + toolName;
        RateLimiter.Decision.Admitted toolPermit = null;
        if (toolRate.isPresent()) {
            RateLimiter.Decision decision = limiter.acquire(toolKey, toolRate.get());
            if (decision instanceof Refused refused) {
                return Optional.of(refused);
            }
            toolPermit = (RateLimiter.Decision.Admitted) decision;
        }
        RateLimiter.Decision overall = limiter.acquire(agent.key() + " calls", agent.rate());
        if (overall instanceof Refused refused) {
            if (toolPermit != null) {
                limiter.release(toolKey, toolPermit);
            }
            return Optional.of(refused);
        }
        return Optional.empty();
    }

    /** Takes a permit of the agent's listing budget ({@code tools/list}, {@code ping}), or says how long to wait. */
    public Optional<Refused> admitListing() {
        return limiter.acquire(agent().key() + " listing", settings.listing()) instanceof Refused refused
                ? Optional.of(refused) : Optional.empty();
    }

    private Agent agent() {
        Optional<AuthenticatedCaller> ours = AuthenticatedCaller.of(request);
        if (ours.isPresent()) {
            AuthenticatedCaller caller = ours.get();
            return switch (caller.kind()) {
                case AGENT_TOKEN -> new Agent("token:" + caller.credentialId(), tokenRate(caller));
                case JWT -> new Agent("jwt:" + caller.credentialId() + " client:" + caller.credentialName(),
                        settings.authenticated());
                case ANONYMOUS -> anonymous();
            };
        }
        Principal principal = security.getCallerPrincipal();
        if (principal != null) {
            // a caller some other mechanism of the server authenticated: its name is all we know
            return new Agent("user:" + principal.getName(), settings.authenticated());
        }
        return anonymous();
    }

    private Agent anonymous() {
        return new Agent("ip:" + addresses.of(request), settings.anonymous());
    }

    /** The token's own rate; the token API only stores valid ones, so a bad one is old data: the default applies. */
    private Rate tokenRate(AuthenticatedCaller caller) {
        Optional<String> own = caller.rateLimit();
        if (own.isEmpty()) {
            return settings.authenticated();
        }
        Rate cached = tokenRates.get(own.get());
        if (cached != null) {
            return cached;
        }
        try {
            Rate parsed = Rate.parse(own.get());
            // tokens share few distinct rates: parsing each call's is wasted work on the hot path
            if (tokenRates.size() < MAX_CACHED_RATES) {
                tokenRates.put(own.get(), parsed);
            }
            return parsed;
        } catch (IllegalArgumentException e) {
            LOG.warning(() -> "mcp-ee: token " + caller.credentialId() + " has an invalid rateLimit; the default "
                    + settings.authenticated() + " applies: " + e.getMessage());
            return settings.authenticated();
        }
    }

    /** A budget holder: the limiter key and its overall rate. */
    private record Agent(String key, Rate rate) {
    }
}
