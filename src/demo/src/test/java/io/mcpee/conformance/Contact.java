package io.mcpee.conformance;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;

/** A contact with a nested address: the shape the suite's json-schema-2020-12 scenario describes. */
public record Contact(@NotBlank String name, @Valid Address address) {
}
