package io.mcpee.tools;

import java.lang.reflect.Method;
import java.util.List;

import static java.util.Objects.requireNonNull;

/**
 * One JAX-RS resource method: its HTTP method, its path template below the application path (class path and
 * method path joined), and the media types it produces.
 */
public record ResourceMethod(Class<?> resourceClass, Method method, String httpMethod, String classPath, String methodPath,
                      List<String> produces) {

    public ResourceMethod {
        requireNonNull(resourceClass, "resourceClass is null");
        requireNonNull(method, "method is null");
        requireNonNull(httpMethod, "httpMethod is null");
        classPath = PathTemplate.normalize(classPath);
        methodPath = PathTemplate.normalize(methodPath);
        produces = List.copyOf(produces);
    }

    public String path() {
        return PathTemplate.join(classPath, methodPath);
    }

    /** "CustomerResource.retrieve", as deployment errors and logs name a method. */
    String displayName() {
        return resourceClass.getName() + "." + method.getName();
    }

    @Override
    public String toString() {
        return httpMethod + " " + path() + " (" + displayName() + ")";
    }
}
