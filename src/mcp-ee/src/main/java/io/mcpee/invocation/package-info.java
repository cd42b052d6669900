/**
 * Running one tool call as the REST call it stands for: JSON arguments converted to the resource method's
 * parameters, the chain of guards ({@link io.mcpee.invocation.ToolCallChain}) with the call's transaction
 * ({@link io.mcpee.invocation.TransactionGuard}), then the resource method on its CDI bean, so its interceptors, Bean
 * Validation and {@code @RolesAllowed} apply.
 */
package io.mcpee.invocation;
