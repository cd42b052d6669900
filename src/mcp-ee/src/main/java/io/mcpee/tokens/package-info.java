/** Agent tokens and token groups: issuing (never more than the creator holds), storage (hashed), lookup, last use, and their administration API. */
package io.mcpee.tokens;
