/** Throttling of tool calls and listings per credential and per user, over the {@link io.mcpee.api.RateLimiter} extension point. */
package io.mcpee.guard;
