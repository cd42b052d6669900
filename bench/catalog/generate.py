#!/usr/bin/env python3
"""Writes a Maven WAR project with N JAX-RS resource methods (N/10 resource classes of ten methods each), for the
1,000-tool catalog measurement (bench/catalog.sh). Usage: generate.py <folder> <methods> <mcp-ee version>.
The profile "mcpee" adds mcp-ee as the application's one dependency; without it the same application is built
without mcp-ee, to measure what mcp-ee adds to the deployment time."""
import os
import sys

folder, methods, version = sys.argv[1], int(sys.argv[2]), sys.argv[3]
if methods % 10:
    sys.exit("the number of methods must be a multiple of 10")
src = os.path.join(folder, "src/main/java/org/example/catalog")
os.makedirs(src, exist_ok=True)
os.makedirs(os.path.join(folder, "src/main/webapp/WEB-INF"), exist_ok=True)

with open(os.path.join(folder, "pom.xml"), "w") as pom:
    pom.write(f"""<?xml version="1.0" encoding="UTF-8"?>
<project xmlns="http://maven.apache.org/POM/4.0.0">
    <modelVersion>4.0.0</modelVersion>
    <groupId>org.example</groupId>
    <artifactId>catalog</artifactId>
    <version>1</version>
    <packaging>war</packaging>
    <properties>
        <project.build.sourceEncoding>UTF-8</project.build.sourceEncoding>
        <maven.compiler.release>17</maven.compiler.release>
    </properties>
    <dependencies>
        <dependency>
            <groupId>jakarta.platform</groupId>
            <artifactId>jakarta.jakartaee-api</artifactId>
            <version>10.0.0</version>
            <scope>provided</scope>
        </dependency>
    </dependencies>
    <profiles>
        <profile>
            <id>mcpee</id>
            <dependencies>
                <dependency>
                    <groupId>io.mcpee</groupId>
                    <artifactId>mcp-ee</artifactId>
                    <version>{version}</version>
                </dependency>
            </dependencies>
        </profile>
    </profiles>
    <build>
        <finalName>catalog</finalName>
        <plugins>
            <plugin>
                <groupId>org.apache.maven.plugins</groupId>
                <artifactId>maven-compiler-plugin</artifactId>
                <version>3.14.0</version>
            </plugin>
            <plugin>
                <groupId>org.apache.maven.plugins</groupId>
                <artifactId>maven-resources-plugin</artifactId>
                <version>3.3.1</version>
            </plugin>
            <plugin>
                <groupId>org.apache.maven.plugins</groupId>
                <artifactId>maven-war-plugin</artifactId>
                <version>3.4.0</version>
                <configuration>
                    <failOnMissingWebXml>false</failOnMissingWebXml>
                </configuration>
            </plugin>
        </plugins>
    </build>
</project>
""")

with open(os.path.join(folder, "src/main/webapp/WEB-INF/beans.xml"), "w") as beans:
    beans.write('<?xml version="1.0" encoding="UTF-8"?>\n'
                '<beans xmlns="https://jakarta.ee/xml/ns/jakartaee" version="4.0" bean-discovery-mode="annotated"/>\n')

with open(os.path.join(src, "CatalogApplication.java"), "w") as app:
    app.write("""package org.example.catalog;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;

@ApplicationPath("api")
public class CatalogApplication extends Application {
}
""")

for k in range(methods // 10):
    noun = f"item{k}"
    with open(os.path.join(src, f"Item{k}.java"), "w") as record:
        record.write(f"""package org.example.catalog;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;

import java.time.Instant;
import java.util.List;

/** An item of kind {k}. */
public record Item{k}(Long id, @NotBlank @Size(max = 100) String name, @Size(max = 2000) String note,
                      @PositiveOrZero int quantity, Instant updatedAt, List<String> tags) {{
}}
""")
    with open(os.path.join(src, f"Item{k}Resource.java"), "w") as resource:
        resource.write(f"""package org.example.catalog;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import java.time.Instant;
import java.util.List;

@Path("{noun}s")
@RequestScoped
@RolesAllowed("catalog:read")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class Item{k}Resource {{

    private static Item{k} item(long id) {{
        return new Item{k}(id, "{noun} " + id, null, 1, Instant.EPOCH, List.of());
    }}

    @GET
    public List<Item{k}> list(@QueryParam("q") String q, @QueryParam("limit") @DefaultValue("20") @Min(1) @Max(100) int limit,
                              @QueryParam("offset") @DefaultValue("0") @Min(0) int offset) {{
        return List.of(item(offset));
    }}

    @GET
    @Path("{{id}}")
    public Item{k} retrieve(@PathParam("id") long id) {{
        return item(id);
    }}

    @POST
    @RolesAllowed("catalog:write")
    public Item{k} create(@Valid @NotNull Item{k} body) {{
        return body;
    }}

    @PUT
    @Path("{{id}}")
    @RolesAllowed("catalog:write")
    public Item{k} update(@PathParam("id") long id, @Valid @NotNull Item{k} body) {{
        return body;
    }}

    @PATCH
    @Path("{{id}}")
    @RolesAllowed("catalog:write")
    public Item{k} partialUpdate(@PathParam("id") long id, Item{k} body) {{
        return body;
    }}

    @DELETE
    @Path("{{id}}")
    @RolesAllowed("catalog:write")
    public void delete(@PathParam("id") long id) {{
    }}

    @POST
    @Path("{{id}}/archive")
    @RolesAllowed("catalog:write")
    public Item{k} archive(@PathParam("id") long id, @QueryParam("reason") String reason) {{
        return item(id);
    }}

    @POST
    @Path("import")
    @RolesAllowed("catalog:write")
    public List<Item{k}> importAll(@Valid @NotNull List<Item{k}> items) {{
        return items;
    }}

    @GET
    @Path("{{id}}/history")
    public List<Item{k}> history(@PathParam("id") long id, @QueryParam("since") String since) {{
        return List.of(item(id));
    }}

    @GET
    @Path("export")
    @Produces(MediaType.TEXT_PLAIN)
    public String export(@QueryParam("format") @DefaultValue("csv") String format) {{
        return "id,name";
    }}
}}
""")
