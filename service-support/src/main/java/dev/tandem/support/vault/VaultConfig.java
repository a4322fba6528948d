package dev.tandem.support.vault;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.Optional;

/**
 * Where the contact key vault is and how it is read. Only services that seal or open personal data
 * (journey-ingest, journey-state, interaction-designer-api) enable it; {@link ContactKeyVault#open} names whatever
 * is missing.
 */
@ConfigMapping(prefix = "tandem.vault")
public interface VaultConfig {

    /** Whether this service uses the vault; the services that seal or open personal data turn it on. */
    @WithDefault("false")
    boolean enabled();

    /** The vault database, {@code postgresql://host:port/database}. */
    Optional<String> url();

    Optional<String> username();

    Optional<String> password();

    /**
     * Base64 of 32 random bytes ({@code openssl rand -base64 32}) that wraps every contact data key at rest.
     * Secret: by environment ({@code TANDEM_VAULT_KEY_ENCRYPTION_KEY}) or a mounted file, never in the repository.
     */
    Optional<String> keyEncryptionKey();

    @WithDefault("4")
    int maxPoolSize();

    /** Contact data keys kept in memory: a key is read from the vault once per this many distinct contacts. */
    @WithDefault("100000")
    int cacheSize();

    /**
     * How often the keys held in memory are checked against the vault: after an erasure, another instance may still
     * open or seal with the person's key for at most this long (services that keep plaintext also drop the key when
     * the erasure reaches them). A key in use is not read again.
     */
    @WithDefault("60s")
    Duration cacheTtl();

    /** Whether this service applies the vault's Flyway migrations at start (off where it only has read grants). */
    @WithDefault("true")
    boolean migrateAtStart();
}
