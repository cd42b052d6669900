package io.mcpee.rest;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.FilterRegistration;
import jakarta.servlet.ServletContainerInitializer;
import jakarta.servlet.ServletContext;

import java.util.EnumSet;
import java.util.Set;

/**
 * Puts the REST door in front of the whole web application, before the filters its own {@code web.xml} declares, so
 * that an agent's request is audited and held from the first of them on. Registered here rather than in the
 * web-fragment so that an application whose {@code web.xml} is {@code metadata-complete} still has it.
 */
public class RestDoorInitializer implements ServletContainerInitializer {

    @Override
    public void onStartup(Set<Class<?>> classes, ServletContext context) {
        FilterRegistration.Dynamic door = context.addFilter("mcp-ee REST door", RestDoorFilter.class);
        if (door == null) {
            return; // already registered under that name
        }
        door.setAsyncSupported(true);
        door.addMappingForUrlPatterns(EnumSet.of(DispatcherType.REQUEST), false, "/*");
    }
}
