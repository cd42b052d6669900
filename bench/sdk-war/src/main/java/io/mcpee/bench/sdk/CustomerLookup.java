package io.mcpee.bench.sdk;

import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import java.util.Optional;

/** The same lookup as the CRM's: an EJB finding the entity by id through JPA, in a container transaction. */
@Stateless
public class CustomerLookup {
    @PersistenceContext(unitName = "bench")
    private EntityManager em;

    public Optional<Customer> find(long id) {
        return Optional.ofNullable(em.find(Customer.class, id));
    }
}
