/**
 * "Notes": a small Jakarta EE application that is not mcp-ee's and does everything differently from the demo CRM —
 * context root {@code /notes}, JAX-RS at {@code /rest} (and a second application at {@code /status}), its own
 * persistence unit and Flyway migrations, {@code annotated} bean discovery, an interceptor of its own, an EJB
 * resource, and people signing in with HTTP Basic through its own identity store. It adds mcp-ee with one Maven
 * dependency and nothing else; the tests check that its resources become tools for agents while its people keep
 * signing in its way.
 */
package org.example.notes;
