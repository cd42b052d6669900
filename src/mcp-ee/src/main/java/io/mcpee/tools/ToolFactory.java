package io.mcpee.tools;

import io.mcpee.api.McpTool;
import io.mcpee.protocol.JsonText;
import io.mcpee.protocol.Tool;
import io.mcpee.protocol.ToolAnnotations;
import io.mcpee.results.Outcome;
import io.mcpee.schema.Annotations;
import io.mcpee.schema.Argument;
import io.mcpee.schema.ArgumentConverter;
import io.mcpee.schema.JsonbProperties;
import io.mcpee.schema.PropertyMarks;
import io.mcpee.schema.SchemaGenerator;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.CookieParam;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.MatrixParam;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.container.Suspended;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.Providers;

import java.lang.annotation.Annotation;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.Parameter;
import java.lang.reflect.Type;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletionStage;

/** Makes the tool of one resource method: name, description, hints, input and output schema, argument bindings. */
final class ToolFactory {
    /** The {@code @Context} types a tool call can be given: those of the MCP request itself. */
    static final Set<Class<?>> CONTEXT_TYPES = Set.of(UriInfo.class, HttpHeaders.class, SecurityContext.class,
            Request.class, Providers.class);

    private ToolFactory() {
    }

    /** The outcome of making a tool: a definition, or the reason this method cannot be one. */
    sealed interface Outcome {
        record Made(ToolDefinition definition) implements Outcome {
        }

        /** The method cannot be called as a tool (e.g. asynchronous); it is left out with a warning. */
        record Unsupported(String reason) implements Outcome {
        }
    }

    static Outcome create(ResourceMethod resource) {
        Method method = resource.method();
        List<Argument> arguments = new ArrayList<>();
        for (Parameter parameter : method.getParameters()) {
            if (parameter.isAnnotationPresent(Suspended.class)) {
                return new Outcome.Unsupported("asynchronous (@Suspended AsyncResponse) methods cannot be tools");
            }
            Argument argument = argumentOf(parameter);
            if (argument instanceof Argument.Context context && !CONTEXT_TYPES.contains(context.type())) {
                return new Outcome.Unsupported("@Context " + context.type().getSimpleName() + " is not available "
                        + "to a tool call");
            }
            arguments.add(argument);
        }
        arguments = nameBody(arguments);
        McpTool override = method.getAnnotation(McpTool.class);
        String name = override != null && !override.name().isEmpty() ? override.name()
                : ToolNames.defaultName(resource);
        Annotation operation = Annotations.byName(method, Annotations.OPENAPI_OPERATION);
        String summary = Annotations.text(operation, "summary");
        String title = override != null && !override.title().isEmpty() ? override.title()
                : summary != null ? summary : humanize(name);
        String description = description(override, operation, title, resource);
        String produced = producedMediaType(resource.produces());
        Tool tool = new Tool(name, title, description, inputSchema(resource, arguments),
                outputSchema(method, produced), hints(resource.httpMethod(), override));
        AccessRule access = AccessRule.of(ResourceScanner.annotatedDeclaration(resource.resourceClass(), method),
                resource.resourceClass());
        Optional<String> rateLimit = override == null || override.rateLimit().isBlank() ? Optional.empty()
                : Optional.of(override.rateLimit().strip());
        return new Outcome.Made(new ToolDefinition(tool, resource, arguments, produced, access,
                PropertyMarks.ofArguments(arguments), outputMarks(method), rateLimit));
    }

    static Argument argumentOf(Parameter parameter) {
        List<Annotation> annotations = List.of(parameter.getAnnotations());
        DefaultValue defaultValue = parameter.getAnnotation(DefaultValue.class);
        Argument.Named named = named(annotations, parameter.getParameterizedType(),
                defaultValue == null ? null : defaultValue.value());
        if (named != null) {
            return named;
        }
        if (parameter.isAnnotationPresent(BeanParam.class)) {
            return beanParam(parameter.getType());
        }
        if (parameter.isAnnotationPresent(jakarta.ws.rs.core.Context.class)) {
            return new Argument.Context(parameter.getType());
        }
        return new Argument.Body("body", parameter.getParameterizedType(), annotations);
    }

    private static Argument.Named named(List<Annotation> annotations, Type type, String defaultValue) {
        for (Annotation annotation : annotations) {
            Argument.Source source;
            String name;
            if (annotation instanceof PathParam p) {
                source = Argument.Source.PATH;
                name = p.value();
            } else if (annotation instanceof QueryParam q) {
                source = Argument.Source.QUERY;
                name = q.value();
            } else if (annotation instanceof FormParam f) {
                source = Argument.Source.FORM;
                name = f.value();
            } else if (annotation instanceof HeaderParam h) {
                source = Argument.Source.HEADER;
                name = h.value();
            } else if (annotation instanceof CookieParam c) {
                source = Argument.Source.COOKIE;
                name = c.value();
            } else if (annotation instanceof MatrixParam m) {
                source = Argument.Source.MATRIX;
                name = m.value();
            } else {
                continue;
            }
            return new Argument.Named(source, name, type, defaultValue, annotations);
        }
        return null;
    }

    private static Argument.Bean beanParam(Class<?> type) {
        List<Argument.BeanField> fields = new ArrayList<>();
        for (Class<?> c = type; c != null && c != Object.class; c = c.getSuperclass()) {
            for (Field field : c.getDeclaredFields()) {
                if (Modifier.isStatic(field.getModifiers())) {
                    continue;
                }
                DefaultValue defaultValue = field.getAnnotation(DefaultValue.class);
                Argument.Named named = named(List.of(field.getAnnotations()), field.getGenericType(),
                        defaultValue == null ? null : defaultValue.value());
                if (named != null) {
                    fields.add(new Argument.BeanField(field, named));
                }
            }
        }
        return new Argument.Bean(type, fields);
    }

    /** Names the body after its type ("customer"), or "body" where that name is taken or says nothing. */
    private static List<Argument> nameBody(List<Argument> arguments) {
        Set<String> taken = new java.util.HashSet<>();
        for (Argument argument : arguments) {
            if (argument instanceof Argument.Named named) {
                taken.add(named.name());
            } else if (argument instanceof Argument.Bean bean) {
                bean.fields().forEach(f -> taken.add(f.value().name()));
            }
        }
        List<Argument> named = new ArrayList<>(arguments.size());
        for (Argument argument : arguments) {
            if (argument instanceof Argument.Body body) {
                String name = bodyName(body.type());
                named.add(new Argument.Body(taken.contains(name) ? "body" : name, body.type(), body.annotations()));
            } else {
                named.add(argument);
            }
        }
        return named;
    }

    private static String bodyName(Type type) {
        Class<?> raw = SchemaGenerator.raw(type);
        if (Collection.class.isAssignableFrom(raw) || raw.isArray()) {
            Class<?> element = raw.isArray() ? raw.getComponentType()
                    : SchemaGenerator.raw(SchemaGenerator.typeArgument(type, 0));
            return isDomainType(element) ? JsonbProperties.decapitalize(element.getSimpleName()) + "s" : "body";
        }
        return isDomainType(raw) ? JsonbProperties.decapitalize(raw.getSimpleName()) : "body";
    }

    private static boolean isDomainType(Class<?> type) {
        return !type.isPrimitive() && !type.getName().startsWith("java.") && !type.getName().startsWith("jakarta.");
    }

    static JsonObject inputSchema(ResourceMethod resource, List<Argument> arguments) {
        SchemaGenerator generator = SchemaGenerator.forInput();
        Map<String, JsonObject> properties = new LinkedHashMap<>();
        List<String> required = new ArrayList<>();
        for (Argument argument : arguments) {
            if (argument instanceof Argument.Named named) {
                addNamed(resource, generator, named, properties, required);
            } else if (argument instanceof Argument.Bean bean) {
                bean.fields().forEach(f -> addNamed(resource, generator, f.value(), properties, required));
            } else if (argument instanceof Argument.Body body) {
                properties.put(body.name(), generator.schemaOf(body.type(), body.annotations(),
                        Annotations.openApiDescription(SchemaGenerator.raw(body.type()))));
                if (!SchemaGenerator.isOptionalType(body.type())) {
                    required.add(body.name());
                }
            }
        }
        JsonObjectBuilder schema = JsonText.BUILDERS.createObjectBuilder()
                .add("$schema", SchemaGenerator.DIALECT).add("type", "object");
        JsonObjectBuilder props = JsonText.BUILDERS.createObjectBuilder();
        properties.forEach(props::add);
        schema.add("properties", props);
        if (!required.isEmpty()) {
            JsonArrayBuilder names = JsonText.BUILDERS.createArrayBuilder();
            required.forEach(names::add);
            schema.add("required", names);
        }
        return generator.withDefinitions(schema.add("additionalProperties", false).build());
    }

    private static void addNamed(ResourceMethod resource, SchemaGenerator generator, Argument.Named named,
                                 Map<String, JsonObject> properties, List<String> required) {
        JsonObjectBuilder schema = JsonText.BUILDERS.createObjectBuilder(
                generator.schemaOf(textualType(named.type()), named.annotations(),
                        Annotations.openApiDescription(named.annotations().toArray(Annotation[]::new))));
        if (named.source() == Argument.Source.PATH) {
            String regex = PathTemplate.regexOf(resource.path(), named.name());
            if (regex != null && isTextual(named.type())) {
                schema.add("pattern", "^(?:" + regex + ")$");
            }
        }
        if (named.defaultValue() != null) {
            schema.add("default", ArgumentConverter.defaultAsJson(named));
        }
        if (properties.put(named.name(), schema.build()) != null) {
            throw new IllegalStateException("two parameters of " + resource.displayName() + " are named \""
                    + named.name() + "\"");
        }
        boolean mandatory = named.source() == Argument.Source.PATH
                || (SchemaGenerator.isRequired(named.annotations()) && named.defaultValue() == null);
        if (mandatory) {
            required.add(named.name());
        }
    }

    /**
     * The JSON type of a parameter JAX-RS converts from text: its own for numbers, booleans, enums and the like;
     * a string for anything built with valueOf, fromString, a String constructor or a ParamConverter.
     */
    private static Type textualType(Type type) {
        Class<?> raw = SchemaGenerator.raw(type);
        if (raw == List.class || raw == Set.class || raw == java.util.SortedSet.class || raw == Collection.class) {
            return type;
        }
        return isSchemaTyped(raw) ? type : String.class;
    }

    private static boolean isTextual(Type type) {
        Class<?> raw = SchemaGenerator.raw(type);
        return !isSchemaTyped(raw) || raw == String.class || raw == UUID.class;
    }

    static boolean isSchemaTyped(Class<?> raw) {
        return raw.isPrimitive() || raw == String.class || Number.class.isAssignableFrom(raw) && (
                raw.getName().startsWith("java.lang.") || raw == BigDecimal.class || raw == BigInteger.class)
                || raw == Boolean.class || raw == Character.class || raw.isEnum() || raw == UUID.class;
    }

    static JsonObject outputSchema(Method method, String producedMediaType) {
        Type type = method.getGenericReturnType();
        Class<?> raw = SchemaGenerator.raw(type);
        if (CompletionStage.class.isAssignableFrom(raw)) {
            type = SchemaGenerator.typeArgument(type, 0);
            raw = SchemaGenerator.raw(type);
        }
        if (!MediaTypes.isJson(producedMediaType) || raw == void.class || raw == Void.class
                || raw == Response.class || raw == Object.class || raw == String.class) {
            return null;
        }
        SchemaGenerator generator = SchemaGenerator.forOutput();
        JsonObject schema = generator.typeSchema(type);
        if ("object".equals(schema.getString("type", null)) && !Map.class.isAssignableFrom(raw)) {
            return generator.withDefinitions(schema);
        }
        // structuredContent must be an object: other JSON values are wrapped as {"result": ...}
        return generator.withDefinitions(JsonText.BUILDERS.createObjectBuilder().add("type", "object")
                .add("properties", JsonText.BUILDERS.createObjectBuilder().add("result", schema))
                .add("required", JsonText.BUILDERS.createArrayBuilder().add("result")).build());
    }

    /**
     * The sensitive properties of what the method returns, by its declared type; null when that type says nothing
     * (a {@code Response}, {@code Object}, an interface), so the returned object's own class is asked at the call.
     */
    static PropertyMarks outputMarks(Method method) {
        Type type = method.getGenericReturnType();
        Class<?> raw = SchemaGenerator.raw(type);
        if (CompletionStage.class.isAssignableFrom(raw)) {
            type = SchemaGenerator.typeArgument(type, 0);
            raw = SchemaGenerator.raw(type);
        }
        if (raw == Response.class || raw == Object.class
                || (raw.isInterface() && !Collection.class.isAssignableFrom(raw) && !Map.class.isAssignableFrom(raw))) {
            return null;
        }
        return PropertyMarks.of(type, JsonbProperties.Direction.WRITE_TO_JSON);
    }

    static ToolAnnotations hints(String httpMethod, McpTool override) {
        Boolean readOnly = switch (httpMethod) {
            case "GET" -> true;
            default -> false;
        };
        Boolean destructive = switch (httpMethod) {
            case "GET" -> null;
            case "DELETE" -> true;
            default -> false;
        };
        Boolean idempotent = switch (httpMethod) {
            case "PUT", "DELETE" -> true;
            case "GET" -> null;
            default -> false;
        };
        Boolean openWorld = null;
        if (override != null) {
            readOnly = stated(override.readOnly(), readOnly);
            destructive = stated(override.destructive(), destructive);
            idempotent = stated(override.idempotent(), idempotent);
            openWorld = stated(override.openWorld(), openWorld);
        }
        return new ToolAnnotations(readOnly, destructive, idempotent, openWorld);
    }

    private static Boolean stated(McpTool.Hint hint, Boolean derived) {
        return switch (hint) {
            case DERIVED -> derived;
            case TRUE -> true;
            case FALSE -> false;
        };
    }

    private static String description(McpTool override, Annotation operation, String title,
                                      ResourceMethod resource) {
        if (override != null && !override.description().isEmpty()) {
            return override.description();
        }
        String summary = Annotations.text(operation, "summary");
        String detail = Annotations.text(operation, "description");
        if (summary != null || detail != null) {
            return summary == null ? detail : detail == null ? summary : summary + ". " + detail;
        }
        return title + " (" + resource.httpMethod() + " " + resource.path() + ")";
    }

    /** The media type a tool call asks the method for: JSON where offered, else the first one. */
    private static String producedMediaType(List<String> produces) {
        for (String type : produces) {
            if (MediaTypes.isJson(type)) {
                return type;
            }
        }
        String first = produces.get(0);
        return first.equals("*/*") ? "application/json" : first;
    }

    static String humanize(String name) {
        String words = name.replace('_', ' ').replace('.', ' ').replace('-', ' ').strip();
        return words.isEmpty() ? name : words.substring(0, 1).toUpperCase(Locale.ROOT) + words.substring(1);
    }
}
