package io.mcpee.invocation;

import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.Variant;

import java.util.Date;
import java.util.List;

import static java.util.Objects.requireNonNull;

/**
 * The {@code Request} of a tool call: the resource method's HTTP method, as the REST request the call stands for
 * would have; preconditions and variants are the MCP request's (it sends no conditional or Accept-Language
 * headers of the tool's own, so a method evaluating them proceeds as for an unconditional request).
 */
final class ToolRequest implements Request {
    private final Request request;
    private final String method;

    ToolRequest(Request request, String method) {
        this.request = requireNonNull(request, "request is null");
        this.method = requireNonNull(method, "method is null");
    }

    @Override
    public String getMethod() {
        return method;
    }

    @Override
    public Variant selectVariant(List<Variant> variants) {
        return request.selectVariant(variants);
    }

    @Override
    public Response.ResponseBuilder evaluatePreconditions(EntityTag eTag) {
        return request.evaluatePreconditions(eTag);
    }

    @Override
    public Response.ResponseBuilder evaluatePreconditions(Date lastModified) {
        return request.evaluatePreconditions(lastModified);
    }

    @Override
    public Response.ResponseBuilder evaluatePreconditions(Date lastModified, EntityTag eTag) {
        return request.evaluatePreconditions(lastModified, eTag);
    }

    @Override
    public Response.ResponseBuilder evaluatePreconditions() {
        return request.evaluatePreconditions();
    }
}
