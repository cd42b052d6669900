/** JSON Schemas of tools from resource method signatures (JSON-B, Bean Validation, OpenAPI annotations), validation of arguments against them, and the sensitive and read-only marks of properties. */
package io.mcpee.schema;
