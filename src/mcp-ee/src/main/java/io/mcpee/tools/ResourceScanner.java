package io.mcpee.tools;

import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;

import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * Finds the resource methods of a root resource class by the JAX-RS rules, including annotation inheritance: a
 * method without JAX-RS annotations takes those of the superclass or interface method it implements.
 * Sub-resource locators (a {@code @Path} without an HTTP method) are not followed.
 */
final class ResourceScanner {
    private static final List<String> DEFAULT_PRODUCES = List.of("application/json");

    private ResourceScanner() {
    }

    static boolean isRootResource(Class<?> type) {
        return type.isAnnotationPresent(Path.class) && !type.isInterface()
                && !Modifier.isAbstract(type.getModifiers());
    }

    static List<ResourceMethod> resourceMethods(Class<?> resourceClass) {
        Path classPath = resourceClass.getAnnotation(Path.class);
        List<ResourceMethod> methods = new ArrayList<>();
        Method[] candidates = resourceClass.getMethods();
        // a stable order, so that deployment errors and tools/list are reproducible
        Arrays.sort(candidates, Comparator.comparing(Method::getName).thenComparing(Method::toGenericString));
        for (Method method : candidates) {
            if (method.isBridge() || method.isSynthetic() || Modifier.isStatic(method.getModifiers())
                    || method.getDeclaringClass() == Object.class) {
                continue;
            }
            Method annotated = annotatedDeclaration(resourceClass, method);
            if (annotated == null) {
                continue;
            }
            String httpMethod = httpMethodOf(annotated);
            if (httpMethod == null || httpMethod.equals("HEAD") || httpMethod.equals("OPTIONS")) {
                continue;
            }
            Path methodPath = annotated.getAnnotation(Path.class);
            methods.add(new ResourceMethod(resourceClass, method, httpMethod,
                    classPath == null ? "" : classPath.value(), methodPath == null ? "" : methodPath.value(),
                    produces(annotated, resourceClass)));
        }
        return methods;
    }

    /** The declaration whose JAX-RS annotations apply to {@code method} (JAX-RS 3.1, section 3.6). */
    static Method annotatedDeclaration(Class<?> resourceClass, Method method) {
        if (hasJaxRsAnnotation(method)) {
            return method;
        }
        for (Class<?> type = resourceClass; type != null && type != Object.class; type = type.getSuperclass()) {
            Method found = declared(type, method);
            if (found != null && hasJaxRsAnnotation(found)) {
                return found;
            }
            for (Class<?> iface : type.getInterfaces()) {
                Method inInterface = declared(iface, method);
                if (inInterface != null && hasJaxRsAnnotation(inInterface)) {
                    return inInterface;
                }
            }
        }
        return null;
    }

    private static Method declared(Class<?> type, Method method) {
        try {
            return type.getDeclaredMethod(method.getName(), method.getParameterTypes());
        } catch (NoSuchMethodException e) {
            return null;
        }
    }

    private static boolean hasJaxRsAnnotation(Method method) {
        return httpMethodOf(method) != null || method.isAnnotationPresent(Path.class);
    }

    static String httpMethodOf(Method method) {
        for (Annotation annotation : method.getAnnotations()) {
            HttpMethod designator = annotation.annotationType().getAnnotation(HttpMethod.class);
            if (designator != null) {
                return designator.value();
            }
        }
        return null;
    }

    private static List<String> produces(Method method, Class<?> resourceClass) {
        Produces produces = method.getAnnotation(Produces.class);
        if (produces == null) {
            produces = resourceClass.getAnnotation(Produces.class);
        }
        if (produces == null) {
            return DEFAULT_PRODUCES;
        }
        List<String> types = new ArrayList<>();
        for (String value : produces.value()) {
            for (String type : value.split(",")) {
                if (!type.isBlank()) {
                    types.add(type.strip());
                }
            }
        }
        return types.isEmpty() ? DEFAULT_PRODUCES : types;
    }
}
