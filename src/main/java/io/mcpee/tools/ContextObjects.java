package io.mcpee.tools;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.Providers;

import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The JAX-RS context objects one tool call gives its resource method's {@code @Context} parameters. The caller,
 * headers and providers are the MCP request's; the {@code UriInfo} and {@code Request} are those of the REST
 * request the call stands for (its URI and HTTP method), made only when the method asks for them.
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
            return call.headers();
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
        for (Argument argument : tool.arguments()) {
            if (argument instanceof Argument.Named named) {
                add(named, path, query);
            } else if (argument instanceof Argument.Bean bean) {
                bean.fields().forEach(field -> add(field.value(), path, query));
            }
        }
        return new ToolUriInfo(base, target.classPath(), target.methodPath(), path, query, () -> resource);
    }

    /** A path argument by its value (or default); a query argument only when the call gives it, as a URI would. */
    private void add(Argument.Named named, Map<String, String> path, Map<String, List<String>> query) {
        JsonValue value = arguments.get(named.name());
        boolean absent = value == null || value.getValueType() == JsonValue.ValueType.NULL;
        if (named.source() == Argument.Source.PATH) {
            path.put(named.name(), absent ? (named.defaultValue() == null ? "" : named.defaultValue())
                    : ArgumentConverter.text(value));
        } else if (named.source() == Argument.Source.QUERY && !absent) {
            List<String> values = new ArrayList<>();
            if (value.getValueType() == JsonValue.ValueType.ARRAY) {
                value.asJsonArray().forEach(item -> values.add(ArgumentConverter.text(item)));
            } else {
                values.add(ArgumentConverter.text(value));
            }
            query.put(named.name(), values);
        }
    }
}
