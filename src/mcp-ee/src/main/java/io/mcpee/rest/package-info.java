/**
 * The REST door: an agent's requests to the application's REST API pass the guards of a tool call (audit, the
 * transaction, throttling, authorization), and its answers are masked and scrubbed as tool results are.
 */
package io.mcpee.rest;
