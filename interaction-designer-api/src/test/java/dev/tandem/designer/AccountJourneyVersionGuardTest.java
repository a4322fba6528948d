package dev.tandem.designer;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoClient;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;
import dev.tandem.designer.mapping.AccountJourneyDocuments;
import dev.tandem.designer.repository.AccountJourneyRepository;
import dev.tandem.designer.repository.ReadModelStore;
import dev.tandem.events.AccountSnapshotV1;
import dev.tandem.infra.TandemInfrastructureResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.bson.Document;
import org.junit.jupiter.api.Test;

/**
 * The journeys repository keeps the versions it wrote, so a batch looks up only other accounts: an account another
 * writer moved on since must still never be overwritten by an older snapshot.
 */
@QuarkusTest
@QuarkusTestResource(TandemInfrastructureResource.class)
class AccountJourneyVersionGuardTest {

    private static final Duration PATIENCE = Duration.ofSeconds(30);
    private static final Instant DAY = Instant.parse("2026-11-20T10:00:00Z");

    @Inject
    ReadModelStore store;

    @Inject
    MongoClient mongo;

    @Test
    void aSnapshotOlderThanWhatAnotherWriterStoredSinceThisInstanceWroteIsNotApplied() {
        String tenant = "guard-" + UUID.randomUUID().toString().substring(0, 8);
        String id = AccountJourneyDocuments.idOf(tenant, "acme");
        AccountJourneyRepository journeys = store.current().await().atMost(PATIENCE).journeys();
        assertThat(journeys.upsertAllIfNewer(List.of(snapshot(tenant, 2, 20))).await().atMost(PATIENCE)).isEqualTo(1);
        // another writer (a rebuild catching up, another instance) stores version 5
        ReadModelCollections.current(mongo, AccountJourneyDocuments.COLLECTION).updateOne(Filters.eq("_id", id),
                Updates.combine(Updates.set(AccountJourneyDocuments.ACCOUNT_VERSION, 5L),
                        Updates.set(AccountJourneyDocuments.MOMENTUM, 50)));

        assertThat(journeys.upsertAllIfNewer(List.of(snapshot(tenant, 4, 40))).await().atMost(PATIENCE))
                .as("version 4 is older than what is stored").isZero();
        assertThat(stored(id)).containsEntry(AccountJourneyDocuments.ACCOUNT_VERSION, 5L)
                .containsEntry(AccountJourneyDocuments.MOMENTUM, 50);

        assertThat(journeys.upsertAllIfNewer(List.of(snapshot(tenant, 6, 60))).await().atMost(PATIENCE)).isEqualTo(1);
        assertThat(stored(id)).containsEntry(AccountJourneyDocuments.ACCOUNT_VERSION, 6L)
                .containsEntry(AccountJourneyDocuments.MOMENTUM, 60);
    }

    private Document stored(String id) {
        return ReadModelCollections.current(mongo, AccountJourneyDocuments.COLLECTION).find(Filters.eq("_id", id))
                .first();
    }

    private static AccountSnapshotV1 snapshot(String tenant, long version, int momentum) {
        return new AccountSnapshotV1(tenant, "acme", version, momentum, version, Map.of("marketing", version), DAY,
                List.of(), null, null);
    }
}
