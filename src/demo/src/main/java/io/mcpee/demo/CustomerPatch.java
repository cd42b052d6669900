package io.mcpee.demo;

import io.mcpee.api.Sensitive;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * A partial update: only the fields present are changed. A name, when given, must not be blank, as Customer
 * requires (@NotBlank would refuse an absent one): the pattern is what @NotBlank checks, a character above space.
 */
public record CustomerPatch(@Size(min = 1, max = 200)
                            @Pattern(regexp = "[\\s\\S]*[^\\x00-\\x20][\\s\\S]*", message = "must not be blank")
                            String name,
                            @Email @Size(max = 254) String email,
                            @Size(max = 40) String phone,
                            @Pattern(regexp = "^\\d{3}-\\d{2}-\\d{4}$", message = "must look like 123-45-6789")
                            @Sensitive(unlessRole = Roles.CUSTOMERS_PII) String ssn) {
}
