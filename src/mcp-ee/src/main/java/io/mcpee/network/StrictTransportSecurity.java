package io.mcpee.network;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.FilterConfig;
import jakarta.servlet.FilterRegistration;
import jakarta.servlet.ServletContainerInitializer;
import jakarta.servlet.ServletContext;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletResponse;
import org.eclipse.microprofile.config.ConfigProvider;

import java.io.IOException;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * HTTP Strict Transport Security (RFC 6797) for the whole web application: every answer over HTTPS carries
 * {@code Strict-Transport-Security}, so a browser that has once reached the server securely never again sends it
 * a token in clear. The value is {@code mcpee.security.hsts} (default one year); {@code off} sends none. Plain-HTTP
 * answers never carry it, as the RFC says. Registered by the container when the application starts (a
 * {@link ServletContainerInitializer}, so a {@code metadata-complete} {@code web.xml} keeps it); a value that is not
 * an HSTS policy fails the deployment. Behind a proxy that ends TLS, the server must be told the original scheme
 * (see the README's "HTTPS") for requests to count as secure.
 */
public class StrictTransportSecurity implements Filter, ServletContainerInitializer {
    static final String KEY = "mcpee.security.hsts";
    static final String DEFAULT = "max-age=31536000";
    private static final Pattern POLICY = Pattern.compile(
            "max-age=\\d{1,10}(\\s*;\\s*includeSubDomains)?(\\s*;\\s*preload)?", Pattern.CASE_INSENSITIVE);

    private String policy;

    @Override
    public void onStartup(Set<Class<?>> classes, ServletContext context) {
        String configured = policy(ConfigProvider.getConfig().getOptionalValue(KEY, String.class).orElse(DEFAULT));
        if (configured == null) {
            return;
        }
        FilterRegistration.Dynamic filter = context.addFilter("mcp-ee HSTS", StrictTransportSecurity.class);
        if (filter != null) {
            filter.setInitParameter("policy", configured);
            filter.setAsyncSupported(true);
            filter.addMappingForUrlPatterns(EnumSet.of(DispatcherType.REQUEST), false, "/*");
        }
    }

    @Override
    public void init(FilterConfig config) {
        this.policy = config.getInitParameter("policy");
    }

    @Override
    public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        if (request.isSecure() && policy != null) {
            ((HttpServletResponse) response).setHeader("Strict-Transport-Security", policy);
        }
        chain.doFilter(request, response);
    }

    /**
     * The header's value for a configured policy, or null for {@code off}.
     *
     * @throws IllegalArgumentException naming the key, when the value is neither
     */
    static String policy(String configured) {
        String value = configured.strip();
        if (value.toLowerCase(Locale.ROOT).equals("off")) {
            return null;
        }
        if (!POLICY.matcher(value).matches()) {
            throw new IllegalArgumentException(KEY + " must be off or an HSTS policy such as "
                    + "max-age=31536000; includeSubDomains, not " + configured);
        }
        return value;
    }
}
