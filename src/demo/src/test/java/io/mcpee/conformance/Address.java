package io.mcpee.conformance;

/** A postal address, nested in {@link Contact}. */
public record Address(String street, String city) {
}
