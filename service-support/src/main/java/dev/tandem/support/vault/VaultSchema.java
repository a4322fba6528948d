package dev.tandem.support.vault;

import java.sql.Connection;
import java.sql.Statement;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;
import org.flywaydb.core.api.output.MigrateResult;

/**
 * The vault's schema, by Flyway. The migrations are Java classes handed to Flyway, so nothing depends on scanning
 * the class path inside a packaged Quarkus application; every service that uses the vault may apply them (Flyway
 * serialises concurrent runs with a lock of its own).
 */
public final class VaultSchema {

    private VaultSchema() {
    }

    /** Applies what is missing; {@code url} is the {@code postgresql://…} form of {@link VaultConfig#url()}. */
    public static MigrateResult migrate(String url, String username, String password) {
        return Flyway.configure(VaultSchema.class.getClassLoader())
                .dataSource("jdbc:" + url, username, password)
                .locations("classpath:dev/tandem/support/vault/nothing-to-scan")
                .failOnMissingLocations(false)
                .javaMigrations(new V1__ContactKeysAndErasures(), new V2__ContactKeysByCreation())
                .table("vault_schema_history")
                .load()
                .migrate();
    }

    /** Contact data keys (one per contact, wrapped) and the erasures that deleted them. */
    static final class V1__ContactKeysAndErasures extends BaseJavaMigration {

        @Override
        public void migrate(Context context) throws Exception {
            Connection connection = context.getConnection();
            try (Statement statement = connection.createStatement()) {
                statement.execute("""
                        CREATE TABLE contact_keys (
                            key_id      text        PRIMARY KEY,
                            tenant_id   text        NOT NULL,
                            contact_key text        NOT NULL,
                            wrapped_key bytea       NOT NULL,
                            created_at  timestamptz NOT NULL DEFAULT now(),
                            CONSTRAINT contact_keys_one_per_contact UNIQUE (tenant_id, contact_key)
                        )""");
                statement.execute("""
                        CREATE TABLE erasures (
                            erasure_id   text        PRIMARY KEY,
                            tenant_id    text        NOT NULL,
                            contact_key  text        NOT NULL,
                            requested_by text        NOT NULL,
                            requested_at timestamptz NOT NULL,
                            keys_deleted integer     NOT NULL,
                            published_at timestamptz,
                            confirmed_by text[]      NOT NULL DEFAULT '{}',
                            completed_at timestamptz
                        )""");
                // one open erasure per contact: a second request while one runs is the same erasure
                statement.execute("CREATE UNIQUE INDEX erasures_one_open_per_contact ON erasures "
                        + "(tenant_id, contact_key) WHERE completed_at IS NULL");
                statement.execute("CREATE INDEX erasures_unpublished ON erasures (requested_at) "
                        + "WHERE published_at IS NULL");
                statement.execute("CREATE INDEX erasures_by_tenant ON erasures (tenant_id, requested_at DESC)");
            }
        }
    }

    /** Readers fetch the keys made since their last read along with a miss (ContactKeyVault#keysById). */
    static final class V2__ContactKeysByCreation extends BaseJavaMigration {

        @Override
        public void migrate(Context context) throws Exception {
            try (Statement statement = context.getConnection().createStatement()) {
                statement.execute("CREATE INDEX contact_keys_by_creation ON contact_keys (created_at)");
            }
        }
    }
}
