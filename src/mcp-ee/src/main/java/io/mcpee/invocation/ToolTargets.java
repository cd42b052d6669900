package io.mcpee.invocation;

import io.mcpee.tools.ResourceMethod;
import jakarta.enterprise.context.spi.CreationalContext;
import jakarta.enterprise.inject.spi.Bean;
import jakarta.enterprise.inject.spi.BeanManager;
import jakarta.enterprise.inject.spi.Unmanaged;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

/**
 * Calls a resource method the way the container would for REST: on the CDI contextual reference (or the EJB
 * proxy), so the application's interceptors, transactions, Bean Validation and security all run. A class CDI
 * does not manage is created as a non-contextual instance, with injection and lifecycle callbacks, per call.
 * Owned by {@link ToolInvoker}, not a bean of its own: one client-proxy hop less on every call.
 */
final class ToolTargets {
    private final BeanManager beanManager;
    private final Map<Method, Target> targets = new ConcurrentHashMap<>();

    ToolTargets(BeanManager beanManager) {
        this.beanManager = beanManager;
    }

    /**
     * How a method is reached: through a bean (and the method as that bean's type declares it), or unmanaged.
     * For a normal-scoped bean the client proxy is kept: it is the same object for every call and resolves the
     * current contextual instance itself.
     */
    private record Target(Optional<Bean<?>> bean, Class<?> type, Method method, Object clientProxy) {
    }

    /** Calls the method; {@code instance} is told the object it is called on, just before. */
    Object invoke(ResourceMethod resource, Object[] arguments, Consumer<Object> instance)
            throws InvocationTargetException, IllegalAccessException {
        Target target = targets.computeIfAbsent(resource.method(), m -> resolve(resource.resourceClass(), m));
        if (target.clientProxy() != null) {
            instance.accept(target.clientProxy());
            return target.method().invoke(target.clientProxy(), arguments);
        }
        if (target.bean().isPresent()) {
            Bean<?> bean = target.bean().get();
            CreationalContext<?> context = beanManager.createCreationalContext(bean);
            try {
                Object reference = beanManager.getReference(bean, target.type(), context);
                instance.accept(reference);
                return target.method().invoke(reference, arguments);
            } finally {
                // destroys a @Dependent instance (and its dependents) made for this call; no-op for scoped beans
                context.release();
            }
        }
        return invokeUnmanaged(resource.resourceClass(), target.method(), arguments, instance);
    }

    private <T> Object invokeUnmanaged(Class<T> type, Method method, Object[] arguments, Consumer<Object> made)
            throws InvocationTargetException, IllegalAccessException {
        Unmanaged.UnmanagedInstance<T> instance = new Unmanaged<>(beanManager, type).newInstance();
        instance.produce().inject().postConstruct();
        try {
            made.accept(instance.get());
            return method.invoke(instance.get(), arguments);
        } finally {
            instance.preDestroy().dispose();
        }
    }

    private Target resolve(Class<?> resourceClass, Method method) {
        Bean<?> bean = bean(resourceClass);
        if (bean != null) {
            return new Target(Optional.of(bean), resourceClass, method, clientProxy(bean, resourceClass));
        }
        // a session bean with only a local business interface is reachable through that interface
        for (Class<?> view : resourceClass.getInterfaces()) {
            Bean<?> viewBean = bean(view);
            if (viewBean != null) {
                try {
                    return new Target(Optional.of(viewBean), view,
                            view.getMethod(method.getName(), method.getParameterTypes()), clientProxy(viewBean, view));
                } catch (NoSuchMethodException e) {
                    // the interface does not declare this method: try the next view
                }
            }
        }
        return new Target(Optional.empty(), resourceClass, method, null);
    }

    private Object clientProxy(Bean<?> bean, Class<?> type) {
        if (!beanManager.isNormalScope(bean.getScope())) {
            return null;
        }
        return beanManager.getReference(bean, type, beanManager.createCreationalContext(bean));
    }

    private Bean<?> bean(Class<?> type) {
        var beans = beanManager.getBeans(type);
        return beans.isEmpty() ? null : beanManager.resolve(beans);
    }
}
