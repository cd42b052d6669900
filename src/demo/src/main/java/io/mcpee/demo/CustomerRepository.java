package io.mcpee.demo;

import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** Customer storage; container-managed transactions, as an EJB. */
@Stateless
public class CustomerRepository {
    /** Sort keys a client may ask for, to JPQL: never concatenate the client's text into a query. */
    private static final Map<String, String> ORDERINGS = Map.of(
            "id", "c.id", "-id", "c.id DESC",
            "name", "c.name, c.id", "-name", "c.name DESC, c.id",
            "email", "c.email, c.id", "-email", "c.email DESC, c.id",
            "createdAt", "c.createdAt, c.id", "-createdAt", "c.createdAt DESC, c.id");

    @PersistenceContext
    private EntityManager em;

    /** One page of the customers {@code owner} may see (all when {@code owner} is null). */
    public CustomerPage search(String owner, String q, String ordering, int limit, int offset) {
        // '!' escapes LIKE's wildcards in q, so "100%" finds "100%"; an explicit ESCAPE also stops H2 and PostgreSQL
        // from reading a backslash in q as their default escape
        String search = q == null || q.isBlank() ? null
                : "(LOWER(c.name) LIKE :q ESCAPE '!' OR LOWER(c.email) LIKE :q ESCAPE '!')";
        String mine = owner == null ? null : "c.owner = :owner";
        String where = search == null && mine == null ? ""
                : " WHERE " + (search == null ? mine : mine == null ? search : search + " AND " + mine);
        TypedQuery<Customer> query = em.createQuery("SELECT c FROM Customer c" + where + " ORDER BY "
                + ORDERINGS.getOrDefault(ordering, "c.id"), Customer.class);
        TypedQuery<Long> count = em.createQuery("SELECT COUNT(c) FROM Customer c" + where, Long.class);
        if (mine != null) {
            query.setParameter("owner", owner);
            count.setParameter("owner", owner);
        }
        if (search != null) {
            String pattern = "%" + q.strip().toLowerCase(Locale.ROOT).replace("!", "!!").replace("%", "!%")
                    .replace("_", "!_") + "%";
            query.setParameter("q", pattern);
            count.setParameter("q", pattern);
        }
        List<Customer> items = query.setFirstResult(offset).setMaxResults(limit).getResultList();
        return new CustomerPage(items, count.getSingleResult());
    }

    /** The customer, if {@code owner} may see it (any when {@code owner} is null). */
    public Optional<Customer> find(long id, String owner) {
        return Optional.ofNullable(em.find(Customer.class, id))
                .filter(c -> owner == null || owner.equals(c.getOwner()));
    }

    public Customer create(Customer customer) {
        em.persist(customer);
        return customer;
    }

    public Customer update(Customer customer) {
        return em.merge(customer);
    }

    public boolean delete(long id, String owner) {
        Customer customer = find(id, owner).orElse(null);
        if (customer == null) {
            return false;
        }
        em.remove(customer);
        return true;
    }
}
