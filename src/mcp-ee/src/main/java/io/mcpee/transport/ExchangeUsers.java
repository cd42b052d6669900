package io.mcpee.transport;

import io.mcpee.api.McpExchange;

import java.lang.reflect.Executable;
import java.lang.reflect.Field;
import java.util.Arrays;

/**
 * Whether a resource class takes an {@link McpExchange} (a field, or a parameter of a constructor or an initializer
 * method, in it or a superclass): only its tools can ask a session's client, so only their calls are answered as an
 * event stream for that reason. Worked out once per class.
 */
final class ExchangeUsers {
    private static final ClassValue<Boolean> USES = new ClassValue<>() {
        @Override
        protected Boolean computeValue(Class<?> type) {
            for (Class<?> c = type; c != null && c != Object.class; c = c.getSuperclass()) {
                if (Arrays.stream(c.getDeclaredFields()).map(Field::getType).anyMatch(ExchangeUsers::isExchange)
                        || takesExchange(c.getDeclaredConstructors()) || takesExchange(c.getDeclaredMethods())) {
                    return true;
                }
            }
            return false;
        }
    };

    private ExchangeUsers() {
    }

    static boolean uses(Class<?> resourceClass) {
        return USES.get(resourceClass);
    }

    private static boolean takesExchange(Executable[] executables) {
        return Arrays.stream(executables).flatMap(e -> Arrays.stream(e.getParameterTypes()))
                .anyMatch(ExchangeUsers::isExchange);
    }

    private static boolean isExchange(Class<?> type) {
        return McpExchange.class.isAssignableFrom(type);
    }
}
