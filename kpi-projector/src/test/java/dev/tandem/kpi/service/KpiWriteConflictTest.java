package dev.tandem.kpi.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tandem.events.EventKeys;
import dev.tandem.events.JourneyEventV1;
import dev.tandem.infra.TandemInfrastructureResource;
import dev.tandem.kpi.config.KpiConfig;
import dev.tandem.kpi.repository.AccountKpiRepository;
import dev.tandem.kpi.repository.KpiStore;
import dev.tandem.model.CommitteeRole;
import dev.tandem.model.Direction;
import dev.tandem.model.RoleSource;
import dev.tandem.model.TouchpointSource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Two writers on one account: a batch applied on a state another writer has moved on since it was read. The stale
 * read is handed to the projection directly, so the conflict is certain rather than a race.
 */
@QuarkusTest
@QuarkusTestResource(TandemInfrastructureResource.class)
class KpiWriteConflictTest {

    private static final String TENANT = "dev";
    private static final Duration PATIENCE = Duration.ofSeconds(30);
    private static final Instant START = Instant.parse("2026-11-20T10:00:00Z");

    @Inject
    KpiStore store;

    @Inject
    KpiConfig config;

    @Test
    void aReplaceOnAStaleVersionIsNotWrittenAndTheAccountIsReadAgain() {
        KpiProjection projection = new KpiProjection(store, config);
        KpiStore.Generation generation = store.current().await().atMost(PATIENCE);
        AccountKpiRepository repository = generation.accounts();
        String account = unique("acme");
        List<JourneyEventV1> events = List.of(
                event(account, 1, touchpoint(TouchpointSource.MARKETING)),
                event(account, 2, new JourneyEventV1.CommitteeMemberAdded("c1", CommitteeRole.CHAMPION,
                        RoleSource.INFERRED)),
                event(account, 3, touchpoint(TouchpointSource.SALES)),
                event(account, 4, touchpoint(TouchpointSource.PARTNER)));
        // the other writer got to version 4
        projection.applyAll(logged(events)).await().atMost(PATIENCE);
        AccountKpis theirs = repository.find(TENANT, account).await().atMost(PATIENCE);
        // we read version 1 before that, and apply versions 1 to 3
        // (applying consumes the states read, so each attempt gets its own copy of the stale read)
        java.util.function.Supplier<Map<String, AccountKpis>> staleRead = () -> Map.of(id(account),
                fold(events.subList(0, 1)));
        Map<String, List<LoggedEvent>> ours = Map.of(id(account), logged(events.subList(0, 3)));

        assertThatThrownBy(() -> projection.applyOn(staleRead.get(), Map.of(), ours, 0, generation).await().atMost(PATIENCE))
                .as("no retries left: the conflict fails the batch (retried later with back-off)")
                .isInstanceOf(KpiProjection.WriteConflictException.class);
        assertThat(repository.find(TENANT, account).await().atMost(PATIENCE)).isEqualTo(theirs);

        assertThat(projection.applyOn(staleRead.get(), Map.of(), ours, 1, generation).await().atMost(PATIENCE))
                .as("read again at version 4, nothing of ours is newer").isZero();
        assertThat(repository.find(TENANT, account).await().atMost(PATIENCE)).isEqualTo(theirs)
                .isEqualTo(fold(events));
    }

    @Test
    void anInsertOfAnAccountCreatedMeanwhileIsReadAgainWhileTheBulkWritesTheOthers() {
        KpiProjection projection = new KpiProjection(store, config);
        KpiStore.Generation generation = store.current().await().atMost(PATIENCE);
        AccountKpiRepository repository = generation.accounts();
        String contested = unique("globex");
        String fresh = unique("initech");
        List<JourneyEventV1> contestedEvents = List.of(
                event(contested, 1, touchpoint(TouchpointSource.MARKETING)),
                event(contested, 2, new JourneyEventV1.MomentumShifted(0, 40)),
                event(contested, 3, touchpoint(TouchpointSource.SALES)));
        List<JourneyEventV1> freshEvents = List.of(
                event(fresh, 1, touchpoint(TouchpointSource.PRODUCT)),
                event(fresh, 2, touchpoint(TouchpointSource.PRODUCT)));
        // the other writer created the contested account at version 2 after we found no document for it
        projection.applyAll(logged(contestedEvents.subList(0, 2))).await().atMost(PATIENCE);
        Map<String, List<LoggedEvent>> ours = new LinkedHashMap<>();
        ours.put(id(contested), logged(contestedEvents));
        ours.put(id(fresh), logged(freshEvents));

        assertThat(projection.applyOn(Map.of(), Map.of(), ours, 1, generation).await().atMost(PATIENCE)).isEqualTo(2);

        assertThat(repository.find(TENANT, contested).await().atMost(PATIENCE)).isEqualTo(fold(contestedEvents));
        assertThat(repository.find(TENANT, fresh).await().atMost(PATIENCE)).isEqualTo(fold(freshEvents));
    }

    @Test
    void anAccountThisInstanceWroteThatAnotherWriterMovedOnIsReadAgainNotAppliedOnWhatWasWritten() {
        KpiProjection projection = new KpiProjection(store, config);
        KpiStore.Generation generation = store.current().await().atMost(PATIENCE);
        AccountKpiRepository repository = generation.accounts();
        String account = unique("umbrella");
        List<JourneyEventV1> events = List.of(
                event(account, 1, touchpoint(TouchpointSource.MARKETING)),
                event(account, 2, new JourneyEventV1.MomentumShifted(0, 30)),
                event(account, 3, touchpoint(TouchpointSource.SALES)),
                event(account, 4, new JourneyEventV1.CommitteeMemberAdded("c1", CommitteeRole.CHAMPION,
                        RoleSource.INFERRED)),
                event(account, 5, touchpoint(TouchpointSource.PARTNER)));
        // this instance writes version 2 (and keeps it), then another writer replaces it with version 4
        projection.applyAll(logged(events.subList(0, 2))).await().atMost(PATIENCE);
        repository.replaceAll(List.of(fold(events.subList(0, 4)))).await().atMost(PATIENCE);

        // the next batch starts from the kept version 2: its write conflicts, and the account is read again
        assertThat(projection.applyAll(logged(events.subList(2, 5))).await().atMost(PATIENCE)).isEqualTo(1);

        assertThat(repository.find(TENANT, account).await().atMost(PATIENCE)).isEqualTo(fold(events));
        // and what is kept now is what was written: the next batch changes nothing it has seen
        assertThat(projection.applyAll(logged(events.subList(4, 5))).await().atMost(PATIENCE)).isZero();
    }

    private static AccountKpis fold(List<JourneyEventV1> events) {
        AccountKpis state = AccountKpis.untracked(TENANT, events.get(0).accountKey());
        for (JourneyEventV1 event : events) {
            state = state.apply(event);
        }
        return state;
    }

    /** The events as read from a partition of their own (so no other test's fence counts them). */
    private static List<LoggedEvent> logged(List<JourneyEventV1> events) {
        int partition = Math.floorMod(events.get(0).accountKey().hashCode(), 1_000_000) + 1_000;
        return events.stream().map(event -> new LoggedEvent(event, partition, event.accountVersion())).toList();
    }

    private static String id(String account) {
        return EventKeys.account(TENANT, account);
    }

    private static JourneyEventV1 event(String account, long version, JourneyEventV1.Payload data) {
        return new JourneyEventV1(JourneyEventV1.eventIdOf(TENANT, account, version), TENANT, account, version,
                START.plusSeconds(version), List.of("tp-" + version), data);
    }

    private static JourneyEventV1.TouchpointRecorded touchpoint(TouchpointSource source) {
        return new JourneyEventV1.TouchpointRecorded("tp-" + UUID.randomUUID(), "email.clicked", source,
                Direction.BUYER_INITIATED, "c1", 1.0);
    }

    private static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID();
    }
}
