package io.mcpee.invocation;

import org.junit.jupiter.api.Test;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** A tool call's UriInfo describes the REST request the call stands for. */
class ToolUriInfoTest {
    private static final URI BASE = URI.create("http://example.com:8080/crm/api/");

    private static ToolUriInfo info(String classPath, String methodPath, Map<String, String> path,
                                    Map<String, List<String>> query) {
        return new ToolUriInfo(BASE, classPath, methodPath, path, query, () -> null);
    }

    @Test
    void pathIsTheTemplateFilledWithThePathArguments() {
        ToolUriInfo uri = info("/customers", "{id: [0-9]+}/gdpr-delete", Map.of("id", "42"), Map.of());
        assertEquals("customers/42/gdpr-delete", uri.getPath());
        assertEquals(URI.create("http://example.com:8080/crm/api/customers/42/gdpr-delete"), uri.getAbsolutePath());
        assertEquals(uri.getAbsolutePath(), uri.getRequestUri());
        assertEquals(BASE, uri.getBaseUri());
        assertEquals(List.of("customers/42/gdpr-delete", "customers"), uri.getMatchedURIs());
        assertEquals(List.of("42"), uri.getPathParameters().get("id"));
        assertEquals(List.of("customers", "42", "gdpr-delete"),
                uri.getPathSegments().stream().map(s -> s.getPath()).toList());
    }

    @Test
    void valuesAreEncodedInTheUriAndDecodedWhenAskedFor() {
        Map<String, List<String>> query = new LinkedHashMap<>();
        query.put("q", List.of("Ada & Bob=1+1 #2"));
        query.put("tag", List.of("a", "é"));
        ToolUriInfo uri = info("notes", "{name}", Map.of("name", "a b/c?"), query);
        assertEquals("notes/a b/c?", uri.getPath());
        assertEquals("notes/a%20b%2Fc%3F", uri.getPath(false));
        assertEquals("http://example.com:8080/crm/api/notes/a%20b%2Fc%3F"
                        + "?q=Ada%20%26%20Bob%3D1%2B1%20%232&tag=a&tag=%C3%A9", uri.getRequestUri().toString());
        assertEquals(List.of("a b/c?"), uri.getPathParameters().get("name"));
        assertEquals(List.of("a%20b%2Fc%3F"), uri.getPathParameters(false).get("name"));
        assertEquals(List.of("Ada & Bob=1+1 #2"), uri.getQueryParameters().get("q"));
        assertEquals(List.of("a", "é"), uri.getQueryParameters().get("tag"));
        assertEquals(List.of("a", "%C3%A9"), uri.getQueryParameters(false).get("tag"));
        // what a REST client's URI would decode to
        assertEquals("/crm/api/notes/a b/c?", uri.getRequestUri().getPath());
        assertEquals("q=Ada & Bob=1+1 #2&tag=a&tag=é", uri.getRequestUri().getQuery());
    }

    @Test
    void aClassLevelMethodMatchesOnce() {
        ToolUriInfo uri = info("customers", "", Map.of(), Map.of("limit", List.of("5")));
        assertEquals("customers", uri.getPath());
        assertEquals(List.of("customers"), uri.getMatchedURIs());
        assertEquals(URI.create("http://example.com:8080/crm/api/customers?limit=5"), uri.getRequestUri());
        assertEquals(URI.create("http://example.com:8080/crm/api/customers"), uri.getAbsolutePath());
    }

    @Test
    void aLiteralThatCannotStandInAPathIsEncoded() {
        ToolUriInfo uri = info("price list", "{id}", Map.of("id", "7"), Map.of());
        assertEquals("price%20list/7", uri.getPath(false));
        assertEquals("price list/7", uri.getPath());
    }

    @Test
    void resolveAgainstTheBaseAndRelativizeAgainstTheRequestAsJerseyDoes() {
        ToolUriInfo uri = info("a/b", "c", Map.of(), Map.of("q", List.of("1")));
        assertEquals(URI.create("http://example.com:8080/crm/api/a/b/c/d/file.txt"),
                uri.resolve(URI.create("a/b/c/d/file.txt")));
        assertEquals(URI.create("d/file.txt"), uri.relativize(URI.create("a/b/c/d/file.txt")));
        assertEquals(URI.create("d?x=1"), uri.relativize(URI.create("http://example.com:8080/crm/api/a/b/c/d?x=1")));
        assertEquals(URI.create("http://other.example/x"), uri.relativize(URI.create("http://other.example/x")));
        assertEquals(URI.create("http://example.com:8080/crm/api/z"), uri.relativize(URI.create("z")));
    }

    @Test
    void theMatchedResourceIsTheInstanceTheCallRunsOn() {
        AtomicReference<Object> instance = new AtomicReference<>();
        ToolUriInfo uri = new ToolUriInfo(BASE, "customers", "", Map.of(), Map.of(), instance::get);
        assertEquals(List.of(), uri.getMatchedResources());
        instance.set("the resource");
        assertEquals(List.of("the resource"), uri.getMatchedResources());
    }

    @Test
    void theBaseMustBeAnAbsoluteDirectory() {
        assertThrows(IllegalArgumentException.class,
                () -> new ToolUriInfo(URI.create("/api/"), "a", "", Map.of(), Map.of(), () -> null));
        assertThrows(IllegalArgumentException.class, () -> new ToolUriInfo(
                URI.create("http://example.com/api"), "a", "", Map.of(), Map.of(), () -> null));
    }
}
