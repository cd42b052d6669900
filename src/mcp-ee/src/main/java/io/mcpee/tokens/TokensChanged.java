package io.mcpee.tokens;

/**
 * Fired by the token store for every change that can alter how a presented token authenticates (its grants, its
 * state, its secret, its groups, its existence): the token cache forgets what it holds once the change is committed,
 * and the clients listening for tool list changes hear of it (a changed token's own streams end, so that they are
 * opened again with the token checked anew).
 *
 * @param tokenId the token that changed, or null when several may have (a group deleted)
 */
public record TokensChanged(Long tokenId) {
    static final TokensChanged SEVERAL = new TokensChanged(null);

    static TokensChanged of(long tokenId) {
        return new TokensChanged(tokenId);
    }
}
