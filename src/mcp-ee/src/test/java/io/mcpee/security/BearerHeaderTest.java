package io.mcpee.security;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.junit.jupiter.api.Assertions.assertEquals;

class BearerHeaderTest {

    @ParameterizedTest
    @CsvSource(nullValues = "-", delimiter = '|', value = {
            "Bearer abc        | abc",
            "bearer abc        | abc",
            "BEARER   abc      | abc",
            "Basic YWJjOmRlZg= | -",
            "Bearer            | -",
            "Bearer a b        | -",
            "Bearerabc         | -"})
    void onlyTheBearerSchemeCaseInsensitively(String header, String expected) {
        assertEquals(expected, BearerAuthenticationMechanism.bearer(header).orElse(null));
    }
}
