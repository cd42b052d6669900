package io.mcpee.tokens;

import static java.util.Objects.requireNonNull;

/** A token just created or regenerated, with its plaintext: the only time anyone sees it. */
public record IssuedToken(AgentToken token, String plaintext) {
    public IssuedToken {
        requireNonNull(token, "token is null");
        requireNonNull(plaintext, "plaintext is null");
    }

    @Override
    public String toString() {
        return "IssuedToken[" + token.keyId() + "]";
    }
}
