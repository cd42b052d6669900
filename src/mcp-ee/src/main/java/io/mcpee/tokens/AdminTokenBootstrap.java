package io.mcpee.tokens;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Optional;
import java.util.Set;
import java.util.logging.Logger;

/**
 * First start: makes sure an administrator can get in.
 * <ul>
 * <li>{@code mcpee.bootstrap.admin-token} (env {@code MCPEE_BOOTSTRAP_ADMIN_TOKEN}) set: an active, never-expiring
 * admin token with exactly that value exists after start (idempotent).</li>
 * <li>otherwise, when no active admin token exists, one is generated and written to
 * {@code mcpee.bootstrap.admin-token-file}, readable only by the server's user. The log says where, never what.</li>
 * </ul>
 */
@Singleton
@Startup
@DependsOn("SchemaMigrations")
public class AdminTokenBootstrap {
    private static final Logger LOG = Logger.getLogger(AdminTokenBootstrap.class.getName());
    static final String NAME = "bootstrap administrator";

    @Inject
    TokenService tokens;

    @Inject
    @ConfigProperty(name = "mcpee.bootstrap.admin-token")
    Optional<String> configuredToken;

    @Inject
    @ConfigProperty(name = "mcpee.bootstrap.admin-user", defaultValue = "admin")
    String adminUser;

    @Inject
    @ConfigProperty(name = "mcpee.bootstrap.admin-token-file")
    Optional<String> tokenFile;

    @PostConstruct
    void bootstrap() {
        Optional<String> configured = configuredToken.map(String::strip).filter(t -> !t.isEmpty());
        if (configured.isPresent()) {
            if (TokenFormat.parse(configured.get()).isEmpty()) {
                throw new IllegalStateException("mcpee.bootstrap.admin-token is not an mcp-ee token (expected "
                        + TokenFormat.SHAPE.pattern() + ")");
            }
            tokens.ensure(configured.get(), NAME, adminUser, Set.of(Grantor.ADMIN_ROLE));
            LOG.info("mcp-ee: the configured bootstrap admin token is active");
            return;
        }
        if (tokens.anyActiveAdminToken()) {
            return;
        }
        IssuedToken issued = tokens.create(new TokenSpec(NAME, adminUser, null, true, true,
                Set.of(Grantor.ADMIN_ROLE), Set.of(), null), Grantor.person(adminUser, Set.of(), true));
        Path file = file();
        try {
            write(file, issued.plaintext());
        } catch (IOException e) {
            throw new IllegalStateException("mcp-ee: cannot write the bootstrap admin token to " + file
                    + "; set mcpee.bootstrap.admin-token-file or mcpee.bootstrap.admin-token", e);
        }
        LOG.warning("mcp-ee: no admin token existed, so one was made for user \"" + adminUser + "\"; it is in "
                + file.toAbsolutePath() + " (readable only by this server's user). Read it, keep it safe, delete "
                + "the file.");
    }

    private Path file() {
        return Path.of(tokenFile.orElseGet(() -> System.getProperty("mcpee.data.dir",
                System.getProperty("user.dir")) + "/admin-token"));
    }

    private static void write(Path file, String token) throws IOException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        Files.deleteIfExists(file);
        try {
            // created with owner-only permissions from the start: never briefly readable by others
            Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        } catch (UnsupportedOperationException e) {
            Files.createFile(file);
        } catch (FileAlreadyExistsException e) {
            throw new IOException("the file appeared while it was being written", e);
        }
        Files.writeString(file, token + "\n", StandardCharsets.US_ASCII, StandardOpenOption.TRUNCATE_EXISTING);
    }
}
