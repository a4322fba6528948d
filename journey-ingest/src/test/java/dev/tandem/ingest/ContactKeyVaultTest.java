package dev.tandem.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tandem.infra.TandemInfrastructureResource;
import dev.tandem.pii.ContactDataKey;
import dev.tandem.pii.PiiField;
import dev.tandem.pii.SealedPii;
import dev.tandem.support.vault.ContactKeyVault;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.core.buffer.Buffer;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The vault as readers use it, on the real PostgreSQL: keys found, prefetched, and erased ones answered as gone. */
@QuarkusTest
@QuarkusTestResource(value = TandemInfrastructureResource.class,
        initArgs = @ResourceArg(name = TandemInfrastructureResource.DATABASE, value = "ingest"))
class ContactKeyVaultTest {

    @Inject
    ContactKeyVault vault;

    private ContactDataKey store(String tenant) {
        ContactDataKey key = ContactDataKey.generate();
        vault.pool().preparedQuery("INSERT INTO contact_keys (key_id, tenant_id, contact_key, wrapped_key) "
                        + "VALUES ($1, $2, $3, $4)")
                .execute(Tuple.of(key.keyId(), tenant, "c_" + UUID.randomUUID().toString().replace("-", "")
                        .substring(0, 24), Buffer.buffer(vault.wrapping().wrap(key))))
                .await().atMost(Duration.ofSeconds(10));
        return key;
    }

    private void deleteFromVault(ContactDataKey key) {
        vault.pool().preparedQuery("DELETE FROM contact_keys WHERE key_id = $1").execute(Tuple.of(key.keyId()))
                .await().atMost(Duration.ofSeconds(10));
    }

    @Test
    void aMissBringsTheKeysMadeSinceWithItSoTheNextContactsCostNoRead() {
        String tenant = "vault-" + UUID.randomUUID().toString().substring(0, 8);
        ContactDataKey asked = store(tenant);
        ContactDataKey next = store(tenant);
        ContactDataKey third = store(tenant);

        assertThat(vault.keysById(List.of(asked.keyId())).await().atMost(Duration.ofSeconds(10)))
                .containsEntry(asked.keyId(), asked);
        // gone from the table now: found all the same, so they came with the first read
        deleteFromVault(next);
        deleteFromVault(third);
        String sealed = SealedPii.seal(next, PiiField.NAME, "Noor Haddad");
        assertThat(vault.openBlocking(sealed, PiiField.NAME)).isEqualTo("Noor Haddad");
        assertThat(vault.keysById(List.of(third.keyId())).await().atMost(Duration.ofSeconds(10)))
                .containsEntry(third.keyId(), third);
    }

    @Test
    void aKeyTheVaultDoesNotHoldOpensNothingAndAForgottenContactsKeyIsGone() {
        String tenant = "vault-" + UUID.randomUUID().toString().substring(0, 8);
        ContactDataKey never = ContactDataKey.generate();
        assertThat(vault.openBlocking(SealedPii.seal(never, PiiField.TITLE, "CFO"), PiiField.TITLE)).isNull();
        assertThat(vault.openBlocking("Plain Title", PiiField.TITLE)).isEqualTo("Plain Title");

        ContactDataKey key = store(tenant);
        String contactKey = vault.pool().preparedQuery("SELECT contact_key FROM contact_keys WHERE key_id = $1")
                .execute(Tuple.of(key.keyId())).await().atMost(Duration.ofSeconds(10)).iterator().next()
                .getString(0);
        String sealed = SealedPii.seal(key, PiiField.TITLE, "CFO");
        assertThat(vault.openBlocking(sealed, PiiField.TITLE)).isEqualTo("CFO");
        deleteFromVault(key);
        vault.forget(tenant, contactKey);
        assertThat(vault.openBlocking(sealed, PiiField.TITLE)).isNull();
    }

    @Test
    void theCheckAgainstTheVaultDropsAKeyErasedOnAnotherInstanceAndKeepsTheOthers() {
        String tenant = "vault-" + UUID.randomUUID().toString().substring(0, 8);
        ContactDataKey erasedElsewhere = ContactDataKey.generate();
        ContactDataKey kept = store(tenant);
        vault.remember(tenant, "c_000000000000000000000001", erasedElsewhere);
        vault.remember(tenant, "c_000000000000000000000002", kept);
        String sealed = SealedPii.seal(erasedElsewhere, PiiField.NAME, "Ines Duarte");
        assertThat(vault.openBlocking(sealed, PiiField.NAME)).as("held in memory").isEqualTo("Ines Duarte");

        assertThat(vault.dropErasedKeys().await().atMost(Duration.ofSeconds(10))).isPositive();

        assertThat(vault.openBlocking(sealed, PiiField.NAME)).isNull();
        assertThat(vault.cachedKeyOf(tenant, "c_000000000000000000000001")).isEmpty();
        assertThat(vault.cachedKeyOf(tenant, "c_000000000000000000000002")).contains(kept);
    }
}
