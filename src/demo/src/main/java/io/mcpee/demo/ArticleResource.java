package io.mcpee.demo;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;

import java.net.URI;
import java.time.Instant;

/** The CRM's knowledge base. */
@Path("articles")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class ArticleResource {
    private final ArticleRepository articles;
    private final Caller caller;

    @Inject
    ArticleResource(ArticleRepository articles, Caller caller) {
        this.articles = articles;
        this.caller = caller;
    }

    /**
     * For the CDI client proxy only. Public because Jakarta REST wants a public constructor on a root resource
     * class: RESTEasy (WildFly) refuses to deploy one without it, even when CDI makes the instances.
     */
    public ArticleResource() {
        this(null, null);
    }

    @GET
    @RolesAllowed(Roles.ARTICLES_READ)
    @Operation(summary = "List articles", description = "Optionally only those in one status")
    public ArticlePage list(@QueryParam("status") ArticleStatus status,
                            @QueryParam("limit") @DefaultValue("50") @Min(1) @Max(200) int limit,
                            @QueryParam("offset") @DefaultValue("0") @Min(0) int offset) {
        return articles.search(status, limit, offset);
    }

    @GET
    @Path("{id}")
    @RolesAllowed(Roles.ARTICLES_READ)
    @Operation(summary = "Get one article by id")
    public Article retrieve(@PathParam("id") long id) {
        return existing(id);
    }

    @POST
    @Logged
    @RolesAllowed(Roles.ARTICLES_WRITE)
    @Operation(summary = "Write a new draft article")
    public Response create(@Valid @NotNull Article article) {
        article.setId(null);
        article.setAuthor(caller.name());
        article.setStatus(ArticleStatus.DRAFT);
        article.setPublishedAt(null);
        Article created = articles.create(article);
        return Response.created(URI.create("articles/" + created.getId())).entity(created).build();
    }

    @PUT
    @Path("{id}")
    @Logged
    @RolesAllowed(Roles.ARTICLES_WRITE)
    @Operation(summary = "Replace an article's title and body")
    public Article update(@PathParam("id") long id, @Valid @NotNull Article article) {
        Article current = existing(id);
        current.setTitle(article.getTitle());
        current.setBody(article.getBody());
        return articles.update(current);
    }

    @DELETE
    @Path("{id}")
    @Logged
    @RolesAllowed(Roles.ARTICLES_WRITE)
    @Operation(summary = "Delete an article")
    public void delete(@PathParam("id") long id) {
        if (!articles.delete(id)) {
            throw notFound(id);
        }
    }

    @POST
    @Path("{id}/publish")
    @Logged
    @RolesAllowed(Roles.ARTICLES_WRITE)
    @Operation(summary = "Publish a draft article")
    public Article publish(@PathParam("id") long id) {
        Article current = existing(id);
        if (current.getStatus() == ArticleStatus.PUBLISHED) {
            throw new WebApplicationException("Article " + id + " is already published", Response.Status.CONFLICT);
        }
        current.setStatus(ArticleStatus.PUBLISHED);
        current.setPublishedAt(Instant.now());
        return articles.update(current);
    }

    private Article existing(long id) {
        return articles.find(id).orElseThrow(() -> notFound(id));
    }

    private static NotFoundException notFound(long id) {
        return new NotFoundException("Article " + id + " not found");
    }
}
