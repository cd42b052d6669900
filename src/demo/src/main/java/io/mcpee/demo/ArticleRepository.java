package io.mcpee.demo;

import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;

import java.util.Optional;

/** Article storage; container-managed transactions, as an EJB. */
@Stateless
public class ArticleRepository {
    @PersistenceContext
    private EntityManager em;

    public ArticlePage search(ArticleStatus status, int limit, int offset) {
        String where = status == null ? "" : " WHERE a.status = :status";
        TypedQuery<Article> query = em.createQuery("SELECT a FROM Article a" + where + " ORDER BY a.id",
                Article.class);
        TypedQuery<Long> count = em.createQuery("SELECT COUNT(a) FROM Article a" + where, Long.class);
        if (status != null) {
            query.setParameter("status", status);
            count.setParameter("status", status);
        }
        return new ArticlePage(query.setFirstResult(offset).setMaxResults(limit).getResultList(),
                count.getSingleResult());
    }

    public Optional<Article> find(long id) {
        return Optional.ofNullable(em.find(Article.class, id));
    }

    public Article create(Article article) {
        em.persist(article);
        return article;
    }

    public Article update(Article article) {
        return em.merge(article);
    }

    public boolean delete(long id) {
        Article article = em.find(Article.class, id);
        if (article == null) {
            return false;
        }
        em.remove(article);
        return true;
    }
}
