package org.example.notes;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.security.enterprise.authentication.mechanism.http.BasicAuthenticationMechanismDefinition;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import jakarta.security.enterprise.identitystore.IdentityStore;

import java.util.Map;
import java.util.Set;

/**
 * The application's people and how they sign in: HTTP Basic, against this identity store (a real application
 * would ask its directory). mcp-ee's agents never come through here.
 */
@ApplicationScoped
@BasicAuthenticationMechanismDefinition(realmName = "notes")
public class People implements IdentityStore {
    private static final Map<String, String> PASSWORDS = Map.of("alice", "wonderland", "bob", "builder");
    private static final Map<String, Set<String>> GROUPS = Map.of(
            "alice", Set.of(Roles.READ, Roles.WRITE),
            "bob", Set.of(Roles.READ));

    public CredentialValidationResult validate(UsernamePasswordCredential credential) {
        String password = PASSWORDS.get(credential.getCaller());
        if (password == null || !credential.compareTo(credential.getCaller(), password)) {
            return CredentialValidationResult.INVALID_RESULT;
        }
        return new CredentialValidationResult(credential.getCaller(), GROUPS.get(credential.getCaller()));
    }
}
