package io.mcpee.invocation;

import io.mcpee.schema.Argument;
import io.mcpee.schema.ArgumentConverter;
import io.mcpee.tools.ResourceMethod;
import io.mcpee.tools.RestApplications;
import io.mcpee.tools.ToolDefinition;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.Providers;

import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The JAX-RS context objects one tool call gives its resource method's {@code @Context} parameters. The caller
 * and providers are the MCP request's; the {@code UriInfo}, {@code HttpHeaders} and {@code Request} are those of
 * the REST request the call stands for (its URI, headers and HTTP method), made only when the method asks.
 */
final class ContextObjects {
    private final ToolCallContext call;
    private final ToolDefinition tool;
    private final JsonObject arguments;
    private final RestApplications applications;
    private Object resource;

    ContextObjects(ToolCallContext call, ToolDefinition tool, JsonObject arguments, RestApplications applications) {
        this.call = call;
        this.tool = tool;
        this.arguments = arguments;
        this.applications = applications;
    }

    /** The instance the call runs on, for {@link UriInfo#getMatchedResources()}. */
    void resource(Object instance) {
        this.resource = instance;
    }

    Object lookup(Class<?> type) {
        if (type == HttpHeaders.class) {
            return httpHeaders();
        }
        if (type == UriInfo.class) {
            return uriInfo();
        }
        if (type == SecurityContext.class) {
            return call.securityContext();
        }
        if (type == Request.class) {
            return new ToolRequest(call.request(), tool.target().httpMethod());
        }
        if (type == Providers.class) {
            return call.providers();
        }
        throw new IllegalArgumentException("no context object of this type");
    }

    private UriInfo uriInfo() {
        ResourceMethod target = tool.target();
        // the MCP request's scheme, host and port (as its Host header gave them), the REST application's path
        URI base = call.uriInfo().getBaseUri().resolve(applications.basePath(target.resourceClass()));
        Map<String, String> path = new LinkedHashMap<>();
        Map<String, List<String>> query = new LinkedHashMap<>();
        for (Argument.Named parameter : namedParameters()) {
            List<String> values = given(parameter.name());
            if (parameter.source() == Argument.Source.PATH) {
                path.put(parameter.name(), !values.isEmpty() ? values.get(0)
                        : Objects.requireNonNullElse(parameter.defaultValue(), ""));
            } else if (parameter.source() == Argument.Source.QUERY && !values.isEmpty()) {
                // only what the call gives, as a URI would; a default is the parameter's, not the URI's
                query.put(parameter.name(), values);
            }
        }
        return new ToolUriInfo(base, target.classPath(), target.methodPath(), path, query, () -> resource);
    }

    private HttpHeaders httpHeaders() {
        Map<String, List<String>> headers = new LinkedHashMap<>();
        Map<String, String> cookies = new LinkedHashMap<>();
        String body = tool.arguments().stream().anyMatch(a -> a instanceof Argument.Body entity
                && isGiven(entity.name())) ? MediaType.APPLICATION_JSON : null;
        for (Argument.Named parameter : namedParameters()) {
            List<String> values = given(parameter.name());
            if (values.isEmpty()) {
                continue;
            }
            switch (parameter.source()) {
                case HEADER -> headers.put(parameter.name(), values);
                case COOKIE -> cookies.put(parameter.name(), values.get(0));
                case FORM -> body = MediaType.APPLICATION_FORM_URLENCODED;
                default -> {
                }
            }
        }
        return new ToolHttpHeaders(call.headers(), tool.producedMediaType(), body, headers, cookies);
    }

    /** The method's named parameters, those of its {@code @BeanParam}s included. */
    private List<Argument.Named> namedParameters() {
        List<Argument.Named> named = new ArrayList<>();
        for (Argument argument : tool.arguments()) {
            if (argument instanceof Argument.Named one) {
                named.add(one);
            } else if (argument instanceof Argument.Bean bean) {
                bean.fields().forEach(field -> named.add(field.value()));
            }
        }
        return named;
    }

    private boolean isGiven(String name) {
        JsonValue value = arguments.get(name);
        return value != null && value.getValueType() != JsonValue.ValueType.NULL;
    }

    /** The texts the call gives a property: none when absent or null, the items of an array. */
    private List<String> given(String name) {
        if (!isGiven(name)) {
            return List.of();
        }
        JsonValue value = arguments.get(name);
        if (value.getValueType() != JsonValue.ValueType.ARRAY) {
            return List.of(ArgumentConverter.text(value));
        }
        List<String> values = new ArrayList<>();
        value.asJsonArray().forEach(item -> values.add(ArgumentConverter.text(item)));
        return values;
    }
}
