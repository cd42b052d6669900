package io.mcpee.invocation;

import io.mcpee.protocol.ErrorCode;
import io.mcpee.protocol.ProtocolException;
import io.mcpee.results.ApplicationExceptionMappers;
import io.mcpee.results.FailureMapper;
import io.mcpee.results.Redactor;
import io.mcpee.results.ResultMapper;
import io.mcpee.results.ToolOutcome;
import io.mcpee.schema.ArgumentConverter;
import io.mcpee.schema.CallerRoles;
import io.mcpee.schema.SchemaValidator;
import io.mcpee.tools.RestApplications;
import io.mcpee.tools.ToolDefinition;
import io.mcpee.tools.ToolExtension;
import io.mcpee.tools.ToolNames;
import io.mcpee.tools.ToolRegistry;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.spi.BeanManager;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.servlet.ServletContext;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.ParamConverterProvider;

import java.io.IOException;
import java.lang.reflect.InvocationTargetException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Runs one {@code tools/call}: check the arguments against the advertised schema, convert them by JAX-RS rules,
 * call the resource method on its contextual reference, map the result or failure. This is the method the
 * authentication, authorization, audit and throttling guards wrap.
 */
@ApplicationScoped
public class ToolInvoker {
    private static final Logger LOG = Logger.getLogger(ToolInvoker.class.getName());
    private static final long ASYNC_RESULT_TIMEOUT_SECONDS = 60;

    private final ToolRegistry registry;
    private final ToolTargets targets;
    private final Jsonb jsonb;
    private final ArgumentConverter converter;
    private final ResultMapper results;
    private final ApplicationExceptionMappers exceptionMappers;
    private final Redactor redactor;
    private final CallerRoles roles;
    private final RestApplications applications;

    @Inject
    ToolInvoker(ToolRegistry registry, ToolExtension extension, BeanManager beanManager,
                Redactor redactor, CallerRoles roles, ServletContext servletContext) {
        this.registry = registry;
        this.applications = new RestApplications(servletContext);
        this.redactor = redactor;
        this.roles = roles;
        this.targets = new ToolTargets(beanManager);
        this.jsonb = JsonbBuilder.create();
        this.converter = new ArgumentConverter(jsonb, converters(extension, beanManager));
        this.results = new ResultMapper(jsonb);
        this.exceptionMappers = new ApplicationExceptionMappers(exceptionMappers(extension, beanManager));
    }

    /** For the CDI client proxy only. */
    protected ToolInvoker() {
        this.registry = null;
        this.targets = null;
        this.jsonb = null;
        this.converter = null;
        this.results = null;
        this.exceptionMappers = null;
        this.redactor = null;
        this.roles = null;
        this.applications = null;
    }

    /** True when the deployment has a tool of this name. */
    public boolean exists(String name) {
        return registry.find(name) != null;
    }

    /**
     * The call's outcome: its result and the status the REST call would have had. Unknown tools are a protocol
     * error (JSON-RPC -32602); everything the call itself got wrong or the resource threw is a result.
     */
    @ToolCallChain
    public ToolOutcome call(ToolCall call) {
        ToolDefinition tool = registry.find(call.toolName());
        if (tool == null) {
            throw new ProtocolException(ErrorCode.INVALID_PARAMS, "Unknown tool: "
                    + ToolNames.sanitize(call.toolName()));
        }
        ToolOutcome outcome = run(tool, call);
        // an error may repeat what the call was given (a schema problem naming a number, a WebApplicationException,
        // a constraint message with ${validatedValue}, an ExceptionMapper's entity): no secret of it goes back
        return outcome.result().isError()
                ? new ToolOutcome(outcome.status(), redactor.scrub(outcome.result(), tool, call.arguments()))
                : outcome;
    }

    private ToolOutcome run(ToolDefinition tool, ToolCall call) {
        String name = tool.name();
        JsonObject arguments = call.arguments();
        List<String> problems = new ArrayList<>(SchemaValidator.validate(tool.tool().inputSchema(), arguments));
        // read-only properties are not in the schema, so nothing above stops them: they are refused by name
        tool.input().readOnlyProblems(arguments, "", problems);
        if (!problems.isEmpty()) {
            return ToolOutcome.invalid("Invalid arguments for tool " + name + ": " + String.join("; ", problems));
        }
        ContextObjects context = new ContextObjects(call.context(), tool, arguments, applications);
        Object[] values;
        try {
            values = converter.convert(tool.arguments(), arguments, context::lookup);
        } catch (ArgumentConverter.ConversionException e) {
            return ToolOutcome.invalid("Invalid arguments for tool " + name + ": " + e.getMessage());
        }
        try {
            Object returned = await(targets.invoke(tool.target(), values, context::resource));
            return results.map(tool, returned, roles);
        } catch (InvocationTargetException | ExecutionException e) {
            rethrowIfInputRequired(e.getCause());
            return FailureMapper.map(name, e.getCause(), exceptionMappers, jsonb,
                    redactor.scrubber(tool, arguments));
        } catch (TimeoutException e) {
            return ToolOutcome.error(504, "HTTP 504 Gateway Timeout: the tool did not finish in "
                    + ASYNC_RESULT_TIMEOUT_SECONDS + " seconds");
        } catch (IllegalAccessException | IOException | RuntimeException e) {
            rethrowIfInputRequired(e);
            return FailureMapper.map(name, e, exceptionMappers, jsonb, redactor.scrubber(tool, arguments));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return ToolOutcome.error(503, "HTTP 503 Service Unavailable: the server is shutting down");
        }
    }

    /** Asking the client is no failure of the method: it goes on to the endpoint, however the container wrapped it. */
    private static void rethrowIfInputRequired(Throwable failure) {
        InputRequired inputRequired = InputRequired.in(failure);
        if (inputRequired != null) {
            throw inputRequired;
        }
    }

    /** A method returning CompletionStage is awaited: a tool call answers synchronously. */
    private static Object await(Object returned)
            throws ExecutionException, TimeoutException, InterruptedException {
        if (returned instanceof CompletionStage<?> stage) {
            return stage.toCompletableFuture().get(ASYNC_RESULT_TIMEOUT_SECONDS, TimeUnit.SECONDS);
        }
        return returned;
    }

    private static List<ParamConverterProvider> converters(ToolExtension extension, BeanManager beanManager) {
        List<ParamConverterProvider> providers = new ArrayList<>();
        for (Class<?> type : extension.paramConverterProviders()) {
            Object provider = provider(type, beanManager);
            if (provider != null) {
                providers.add((ParamConverterProvider) provider);
            }
        }
        return providers;
    }

    @SuppressWarnings("unchecked")
    private static List<ApplicationExceptionMappers.Registered> exceptionMappers(ToolExtension extension,
                                                                                 BeanManager beanManager) {
        List<ApplicationExceptionMappers.Registered> mappers = new ArrayList<>();
        for (Class<?> type : extension.exceptionMappers()) {
            Object mapper = provider(type, beanManager);
            if (mapper != null) {
                mappers.add(new ApplicationExceptionMappers.Registered(ApplicationExceptionMappers.handledType(type),
                        (ExceptionMapper<Throwable>) mapper));
            }
        }
        return mappers;
    }

    /** A JAX-RS provider of the application: its CDI bean if it is one, else a new instance, as JAX-RS makes it. */
    private static Object provider(Class<?> type, BeanManager beanManager) {
        try {
            var beans = beanManager.getBeans(type);
            if (!beans.isEmpty()) {
                var bean = beanManager.resolve(beans);
                return beanManager.getReference(bean, type, beanManager.createCreationalContext(bean));
            }
            var constructor = type.getDeclaredConstructor();
            constructor.setAccessible(true);
            return constructor.newInstance();
        } catch (ReflectiveOperationException | RuntimeException e) {
            LOG.log(Level.WARNING, "mcp-ee: provider " + type.getName() + " cannot be created; tool calls will "
                    + "not use it", e);
            return null;
        }
    }

    @PreDestroy
    void close() {
        try {
            jsonb.close();
        } catch (Exception e) {
            LOG.log(Level.FINE, "closing JSON-B", e);
        }
    }
}
