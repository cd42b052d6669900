package io.mcpee.transport;

import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.Providers;

/** The JAX-RS context objects of one POST to the endpoint. */
record RequestContext(HttpHeaders headers, UriInfo uriInfo, SecurityContext security, Request request,
                      Providers providers) {
}
