package io.mcpee.schema;

import io.mcpee.api.McpIgnore;
import io.mcpee.api.McpTool;
import jakarta.json.bind.annotation.JsonbProperty;
import jakarta.json.bind.annotation.JsonbTransient;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.container.AsyncResponse;
import jakarta.ws.rs.container.Suspended;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/** Resource classes and types the unit tests make tools and schemas of. */
public final class Fixtures {

    private Fixtures() {
    }

    enum Colour { RED, GREEN }

    /** Converted by JAX-RS's String-constructor rule. */
    public static final class Sku {
        final String value;

        public Sku(String value) {
            if (!value.matches("[A-Z]{3}-\\d+")) {
                throw new IllegalArgumentException("not a SKU");
            }
            this.value = value;
        }
    }

    /** Converted by JAX-RS's valueOf rule. */
    public static final class Money {
        final BigDecimal amount;

        private Money(BigDecimal amount) {
            this.amount = amount;
        }

        public static Money valueOf(String text) {
            return new Money(new BigDecimal(text));
        }
    }

    /** An enum with fromString, which JAX-RS prefers over valueOf for enums. */
    enum Size2 {
        SMALL, LARGE;

        public static Size2 fromString(String text) {
            return valueOf(text.toUpperCase(java.util.Locale.ROOT));
        }
    }

    @Schema(description = "A postal address")
    public record Address(@NotBlank String street, @Size(min = 2, max = 2) String country,
                          @JsonbProperty("zip") String postalCode) {
    }

    public record Order(@NotNull UUID id, @Positive int quantity, @DecimalMin(value = "0.01") BigDecimal price,
                        @Email String contact, Colour colour, Optional<String> note, List<@Valid Address> addresses,
                        Set<String> tags, Map<String, Integer> counts, Instant placedAt, LocalDate due,
                        @JsonbTransient String internal, @NotEmpty List<String> lines) {
    }

    /** A mutable bean, as JPA entities are. */
    public static class Pojo {
        private Long id;
        @Size(max = 10)
        private String name;
        private String secret;
        public String visible;

        public Long getId() {
            return id;
        }

        public void setId(Long id) {
            this.id = id;
        }

        public String getName() {
            return name;
        }

        public void setName(String name) {
            this.name = name;
        }

        @JsonbTransient
        public String getSecret() {
            return secret;
        }

        public void setSecret(String secret) {
            this.secret = secret;
        }

        /** Read-only: no setter, so absent from input. */
        public String getComputed() {
            return "x";
        }
    }

    /** Recursive: a tree of nodes. */
    public record Node(String label, List<Node> children) {
    }

    public static class Paging {
        @QueryParam("page")
        @DefaultValue("1")
        @Min(1)
        int page;

        @HeaderParam("X-Tenant")
        String tenant;
    }

    @Path("/shop/widgets")
    @Produces(MediaType.APPLICATION_JSON)
    @Consumes(MediaType.APPLICATION_JSON)
    public static class WidgetResource {
        @GET
        @Operation(summary = "Find widgets", description = "By colour")
        public List<Order> list(@QueryParam("colour") Colour colour,
                                @QueryParam("limit") @DefaultValue("20") @Min(1) @Max(100) int limit,
                                @QueryParam("tag") List<String> tags, @BeanParam Paging paging) {
            return List.of();
        }

        @GET
        @Path("{id: [0-9]+}")
        public Order retrieve(@PathParam("id") @Parameter(description = "The widget id") long id) {
            return null;
        }

        @POST
        public Response create(@Valid @NotNull Order order) {
            return Response.ok().build();
        }

        @PUT
        @Path("{id}")
        public Order update(@PathParam("id") long id, Order order) {
            return order;
        }

        @PATCH
        @Path("{id}")
        public Order partialUpdate(@PathParam("id") long id, Map<String, Object> changes) {
            return null;
        }

        @DELETE
        @Path("{id}")
        public void delete(@PathParam("id") long id) {
        }

        @POST
        @Path("{id}/re-stock")
        public void reStock(@PathParam("id") long id, @FormParam("amount") int amount) {
        }

        @GET
        @Path("{id}/notes")
        @Produces(MediaType.TEXT_PLAIN)
        public String notes(@PathParam("id") long id) {
            return "";
        }

        @POST
        @Path("import")
        public int importAll(List<Order> orders) {
            return orders.size();
        }

        @GET
        @Path("by-sku/{sku}")
        @McpTool(name = "find_by_sku", title = "Find by SKU", description = "Looks a widget up by SKU",
                openWorld = McpTool.Hint.TRUE)
        public Order bySku(@PathParam("sku") String sku, @QueryParam("max") Money max, @QueryParam("size") Size2 size,
                           @Context UriInfo uriInfo) {
            return null;
        }

        @GET
        @Path("async")
        public void async(@Suspended AsyncResponse response) {
        }

        @GET
        @Path("hidden")
        @McpIgnore
        public String hidden() {
            return "";
        }
    }

    /** Two methods that make the same tool name. */
    @Path("things")
    public static class ClashingResource {
        @GET
        public String all() {
            return "";
        }

        @GET
        @Path("")
        @Produces(MediaType.TEXT_PLAIN)
        public String allAsText() {
            return "";
        }
    }

    @Path("secret")
    @McpIgnore
    public static class IgnoredResource {
        @GET
        public String get() {
            return "";
        }
    }
}
