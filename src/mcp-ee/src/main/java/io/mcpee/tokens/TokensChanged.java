package io.mcpee.tokens;

/**
 * Fired by the token store for every change that can alter how a presented token authenticates (its grants, its
 * state, its secret, its groups, its existence), so that the token cache forgets what it holds once the change is
 * committed.
 */
record TokensChanged() {
    static final TokensChanged INSTANCE = new TokensChanged();
}
