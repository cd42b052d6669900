package io.mcpee.conformance;

/** The JSON document of the suite's mixed-content scenario: {@code {"test":"data","value":123}}. */
public record Sample(String test, int value) {
}
