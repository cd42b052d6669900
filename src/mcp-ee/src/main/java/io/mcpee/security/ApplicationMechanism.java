package io.mcpee.security;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.spi.CreationalContext;
import jakarta.enterprise.inject.AmbiguousResolutionException;
import jakarta.enterprise.inject.spi.Bean;
import jakarta.enterprise.inject.spi.BeanManager;
import jakarta.inject.Inject;
import jakarta.security.enterprise.authentication.mechanism.http.HttpAuthenticationMechanism;

import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import java.util.logging.Logger;

/**
 * The application's own authentication mechanism, if it has one: its own {@code HttpAuthenticationMechanism} bean,
 * or the one a {@code @BasicAuthenticationMechanismDefinition}, {@code @FormAuthenticationMechanismDefinition},
 * {@code @CustomFormAuthenticationMechanismDefinition} or {@code @OpenIdAuthenticationMechanismDefinition} makes.
 * mcp-ee's mechanism is an enabled alternative, so the container picks it; every bean of the type but mcp-ee's own
 * is still there to be found, and mcp-ee hands it the application's requests. Found on first use, once.
 */
@ApplicationScoped
class ApplicationMechanism implements Supplier<Optional<HttpAuthenticationMechanism>> {
    private static final Logger LOG = Logger.getLogger(ApplicationMechanism.class.getName());

    private final BeanManager beans;
    private volatile Optional<HttpAuthenticationMechanism> found;

    @Inject
    ApplicationMechanism(BeanManager beans) {
        this.beans = beans;
    }

    /** For the CDI client proxy only. */
    protected ApplicationMechanism() {
        this.beans = null;
    }

    @Override
    public Optional<HttpAuthenticationMechanism> get() {
        Optional<HttpAuthenticationMechanism> known = found;
        if (known == null) {
            known = find();
            found = known;
        }
        return known;
    }

    private Optional<HttpAuthenticationMechanism> find() {
        Set<Bean<?>> candidates = new HashSet<>(beans.getBeans(HttpAuthenticationMechanism.class));
        candidates.removeIf(bean -> BearerAuthenticationMechanism.class.isAssignableFrom(bean.getBeanClass()));
        if (candidates.isEmpty()) {
            LOG.info("mcp-ee: the application has no authentication mechanism of its own: mcp-ee's bearer"
                    + " mechanism serves every request");
            return Optional.empty();
        }
        Bean<?> bean;
        try {
            bean = beans.resolve(candidates);
        } catch (AmbiguousResolutionException e) {
            LOG.severe("mcp-ee: the application has several authentication mechanisms " + candidates
                    + " and none of them is an alternative: mcp-ee serves bearer credentials, and no other request"
                    + " is authenticated");
            return Optional.empty();
        }
        if (bean == null) {
            return Optional.empty();
        }
        CreationalContext<?> context = beans.createCreationalContext(bean);
        HttpAuthenticationMechanism mechanism = (HttpAuthenticationMechanism) beans.getReference(bean,
                HttpAuthenticationMechanism.class, context);
        LOG.info(() -> "mcp-ee: requests without bearer credentials (but at /mcp) go to the application's own"
                + " authentication mechanism, " + bean.getBeanClass().getName());
        return Optional.of(mechanism);
    }
}
