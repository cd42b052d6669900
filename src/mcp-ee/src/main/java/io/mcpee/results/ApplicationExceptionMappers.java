package io.mcpee.results;

import io.mcpee.schema.SchemaGenerator;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;

import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.util.List;

/**
 * The application's own {@code ExceptionMapper}s, chosen as JAX-RS chooses: the one whose exception type is the
 * nearest superclass of what was thrown. The MCP endpoint lives in its own JAX-RS application, so the
 * application's mappers are found by the CDI extension rather than through that application's Providers.
 */
public final class ApplicationExceptionMappers {
    private final List<Registered> mappers;

    public record Registered(Class<?> exceptionType, ExceptionMapper<Throwable> mapper) {
    }

    public ApplicationExceptionMappers(List<Registered> mappers) {
        this.mappers = List.copyOf(mappers);
    }

    /** The response the application's nearest mapper makes of this failure, or null without a mapper. */
    Response toResponse(Throwable failure) {
        Registered best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (Registered registered : mappers) {
            int distance = distance(failure.getClass(), registered.exceptionType());
            if (distance < bestDistance) {
                best = registered;
                bestDistance = distance;
            }
        }
        if (best == null) {
            return null;
        }
        try {
            return best.mapper().toResponse(failure);
        } catch (RuntimeException e) {
            return null;
        }
    }

    private static int distance(Class<?> thrown, Class<?> handled) {
        int distance = 0;
        for (Class<?> c = thrown; c != null; c = c.getSuperclass(), distance++) {
            if (c == handled) {
                return distance;
            }
        }
        return Integer.MAX_VALUE;
    }

    /** The exception type a mapper class handles, from its {@code ExceptionMapper<T>} declaration. */
    public static Class<?> handledType(Class<?> mapperClass) {
        for (Class<?> c = mapperClass; c != null && c != Object.class; c = c.getSuperclass()) {
            for (Type type : c.getGenericInterfaces()) {
                if (type instanceof ParameterizedType p && p.getRawType() == ExceptionMapper.class) {
                    return SchemaGenerator.raw(p.getActualTypeArguments()[0]);
                }
            }
        }
        return Throwable.class;
    }
}
