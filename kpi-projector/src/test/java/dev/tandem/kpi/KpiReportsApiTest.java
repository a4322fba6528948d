package dev.tandem.kpi;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import dev.tandem.events.EventJson;
import dev.tandem.events.EventKeys;
import dev.tandem.events.JourneyEventV1;
import dev.tandem.events.Topics;
import dev.tandem.infra.KafkaTestClient;
import dev.tandem.infra.TandemInfrastructureResource;
import dev.tandem.kpi.mapping.AccountKpisDocuments;
import dev.tandem.kpi.repository.AccountKpiRepository;
import dev.tandem.kpi.repository.AttributionTouchRepository;
import dev.tandem.kpi.repository.KpiStore;
import dev.tandem.kpi.service.AccountKpis;
import dev.tandem.kpi.service.KnownHistory;
import dev.tandem.kpi.service.KpiProjection;
import dev.tandem.kpi.service.LoggedEvent;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/**
 * The KPI reports over the known history ({@link KnownHistory}, hand-computed in KpiReportsTest), through the real
 * broker and MongoDB; each test has a tenant of its own, so the totals it reads are its history's alone.
 */
@QuarkusTest
@QuarkusTestResource(TandemInfrastructureResource.class)
class KpiReportsApiTest {

    private static final Duration PATIENCE = Duration.ofSeconds(30);
    private static final KafkaTestClient KAFKA =
            new KafkaTestClient(TandemInfrastructureResource.infrastructure().kafkaBootstrapServers());

    @Inject
    KpiStore store;

    @Inject
    KpiProjection projection;

    @AfterAll
    static void closeKafka() {
        KAFKA.close();
    }

    @Test
    void everyReportShowsTheKnownHistoryAndRedeliveredEventsChangeNothing() {
        String tenant = uniqueTenant();
        List<JourneyEventV1> history = history(tenant);
        history.forEach(this::send);
        awaitTotals(tenant);
        Map<String, Long> live = totalsOf(tenant);

        as(tenant).get("/v1/kpis/funnel").then().statusCode(200)
                .body("stages.find { it.stage == 'exploration' }.entered", equalTo(2))
                .body("stages.find { it.stage == 'exploration' }.conversionRate", equalTo(0.5f))
                .body("cohorts[0].cohort", equalTo("2026-01"));
        as(tenant).get("/v1/kpis/velocity").then().statusCode(200)
                .body("find { it.stage == 'exploration' }.medianDays", equalTo(10))
                .body("find { it.stage == 'exploration' }.p75Days", equalTo(52));
        as(tenant).get("/v1/kpis/stalls").then().statusCode(200)
                .body("bySilentPersona[0].key", equalTo("economic_buyer"))
                .body("bySilentPersona[0].outcomes.advanced", equalTo(1));
        as(tenant).get("/v1/kpis/coverage").then().statusCode(200)
                .body("outcomesByCoverage.find { it.band == 'full' }.outcomes.won", equalTo(1));
        as(tenant).queryParam("model", "time_decay").get("/v1/kpis/contribution").then().statusCode(200)
                .body("model", equalTo("time_decay"))
                .body("conversions", equalTo(3))
                .body("byDimension.source.find { it.value == 'marketing' }.credit", equalTo(0.56f));
        as(tenant).get("/v1/kpis/outcomes").then().statusCode(200)
                .body("winRate", equalTo(0.5f))
                .body("cycle.won.medianDays", equalTo(46));
        as(tenant).get("/v1/kpis/reasons").then().statusCode(200)
                .body("byPersona.reason", hasItem("roi"))
                .body("reasons.find { it.reason == 'price' }.seller", equalTo(1));
        as(tenant).get("/v1/kpis/enablement").then().statusCode(200)
                .body("[0].content", equalTo("case-study"))
                .body("[0].wonAfter", equalTo(1));
        as(tenant).get("/v1/kpis/summary").then().statusCode(200)
                .body("accountsTracked", equalTo(2))
                .body("averageDaysInStage.exploration", equalTo(31.0f));

        // the whole history again (a replay), and a duplicate of each event: versions not newer change nothing
        history.forEach(this::send);
        history.forEach(this::send);
        JourneyEventV1 marker = KnownHistory.globex(tenant).get(0);
        String lateAccount = "marker-" + UUID.randomUUID();
        send(new JourneyEventV1(JourneyEventV1.eventIdOf(tenant, lateAccount, 1), tenant, lateAccount, 1,
                marker.occurredAt(), marker.causedBy(), marker.data()));
        await().atMost(PATIENCE).until(() -> totalsOf(tenant)
                .getOrDefault("accounts", 0L) == 3);
        Map<String, Long> replayed = new java.util.HashMap<>(totalsOf(tenant));
        AccountKpis markerOnly = AccountKpis.untracked(tenant, lateAccount).apply(new JourneyEventV1(
                JourneyEventV1.eventIdOf(tenant, lateAccount, 1), tenant, lateAccount, 1, marker.occurredAt(),
                marker.causedBy(), marker.data()));
        markerOnly.counters().forEach((key, value) -> replayed.merge(key, -value, Long::sum));
        replayed.values().removeIf(value -> value == 0);
        assertThat(replayed).as("after the replay, minus the marker account: the totals of the first pass")
                .isEqualTo(live);
    }

    @Test
    void aBatchCountedButNotWrittenBeforeACrashIsAppliedAgainWithoutBeingCountedTwice() {
        String tenant = uniqueTenant();
        List<JourneyEventV1> acme = KnownHistory.acme(tenant);
        List<LoggedEvent> logged = logged(acme);
        projection.applyAll(logged).await().atMost(PATIENCE);
        Map<String, Long> counted = totalsOf(tenant);
        AccountKpiRepository accounts = store.current().await().atMost(PATIENCE).accounts();
        AccountKpis written = accounts.find(tenant, KnownHistory.ACME).await().atMost(PATIENCE);

        // the crash: the totals of events 9.. were written, the account's document was not (it stands at version 8)
        AccountKpis beforeTheBatch = AccountKpis.untracked(tenant, KnownHistory.ACME);
        for (JourneyEventV1 event : acme.subList(0, 8)) {
            beforeTheBatch = beforeTheBatch.apply(event);
        }
        assertThat(accounts.writeAll(List.of(new AccountKpiRepository.Write(beforeTheBatch,
                written.accountVersion()))).await().atMost(PATIENCE)).isEmpty();
        // and the attribution journal as it stood then: the close had not emptied it yet
        AttributionTouchRepository journal = store.current().await().atMost(PATIENCE).touches();
        String acmeId = AccountKpisDocuments.idOf(tenant, KnownHistory.ACME);
        Map<String, List<Long>> acmeTouches = Map.of(acmeId, List.of(0L, 1L, 2L, 3L));
        assertThat(journal.find(acmeTouches).await().atMost(PATIENCE)).as("emptied by the close").isEmpty();
        journal.write(Map.of(acmeId, beforeTheBatch.facts().attribution().changes())).await().atMost(PATIENCE);

        // redelivered from the last commit, in other batches than the first time
        projection.applyAll(logged.subList(5, 11)).await().atMost(PATIENCE);
        projection.applyAll(logged.subList(11, logged.size())).await().atMost(PATIENCE);

        assertThat(totalsOf(tenant)).isEqualTo(counted);
        assertThat(accounts.find(tenant, KnownHistory.ACME).await().atMost(PATIENCE)).isEqualTo(written);
        assertThat(journal.find(acmeTouches).await().atMost(PATIENCE)).as("emptied by the close again").isEmpty();
    }

    @Test
    void aRebuildFromTheLogEqualsTheLiveProjectionAndTheKpisNeverGoBlank() {
        String tenant = uniqueTenant();
        history(tenant).forEach(this::send);
        awaitTotals(tenant);
        Map<String, Long> live = totalsOf(tenant);
        String funnel = as(tenant).get("/v1/kpis/funnel").then().statusCode(200).extract().asString();
        int generation = store.current().await().atMost(PATIENCE).number();
        RequestSpecification operator = given().auth().oauth2(TandemInfrastructureResource.infrastructure()
                .signingKey().token(tenant, Set.of("operator"), Duration.ofMinutes(30)));

        String location = operator.contentType("application/json").body("{\"projection\": \"kpi\"}")
                .post("/v1/admin/rebuilds").then().statusCode(202).body("state", equalTo("running"))
                .extract().header("Location");
        operator.contentType("application/json").body("{\"projection\": \"designer\"}")
                .post("/v1/admin/rebuilds").then().statusCode(400).body("errors.field", hasItem("/projection"));
        await().atMost(Duration.ofSeconds(60)).until(() -> {
            // the KPIs stay readable and right while the rebuild runs
            assertThat(as(tenant).get("/v1/kpis/funnel").then().statusCode(200).extract().asString())
                    .isEqualTo(funnel);
            return "done".equals(operator.get(location).then().statusCode(200).extract().path("state"));
        });

        operator.get(location).then().body("eventsRead", org.hamcrest.Matchers.greaterThanOrEqualTo(
                history(tenant).size()));
        assertThat(store.current().await().atMost(PATIENCE).number()).isEqualTo(generation + 1);
        assertThat(totalsOf(tenant)).isEqualTo(live);
        assertThat(as(tenant).get("/v1/kpis/funnel").then().statusCode(200).extract().asString()).isEqualTo(funnel);
        // and the live consumer goes on in the new generation
        JourneyEventV1 marker = KnownHistory.globex(tenant).get(0);
        String account = "after-" + UUID.randomUUID();
        send(new JourneyEventV1(JourneyEventV1.eventIdOf(tenant, account, 1), tenant, account, 1,
                marker.occurredAt(), marker.causedBy(), marker.data()));
        await().atMost(PATIENCE).until(() -> totalsOf(tenant).getOrDefault("accounts", 0L) == 3);
    }

    @Test
    void badFiltersAreRefusedNamingTheParameter() {
        String tenant = uniqueTenant();
        as(tenant).queryParam("from", "January").get("/v1/kpis/funnel").then().statusCode(400)
                .contentType("application/problem+json")
                .body("errors.field", hasItem("from"));
        as(tenant).queryParam("model", "u_shaped").get("/v1/kpis/contribution").then().statusCode(400)
                .body("errors.field", hasItem("model"));
        as(tenant).queryParam("from", "2026-05").queryParam("to", "2026-01").get("/v1/kpis/outcomes").then()
                .statusCode(400).body("errors.field", hasItem("to"));
        as(tenant).queryParam("source", "radio").get("/v1/kpis/contribution").then().statusCode(400)
                .body("errors.field", hasItem("source"));
        given().get("/v1/kpis/funnel").then().statusCode(401);
        given().auth().oauth2(TandemInfrastructureResource.infrastructure().signingKey()
                        .token(tenant, Set.of("seller"), Duration.ofMinutes(5)))
                .get("/v1/kpis/funnel").then().statusCode(403);
    }

    private static List<JourneyEventV1> history(String tenant) {
        List<JourneyEventV1> history = new ArrayList<>(KnownHistory.acme(tenant));
        history.addAll(KnownHistory.globex(tenant));
        return history;
    }

    /** The events as read from a partition of their own tenant, at offsets in log order. */
    private static List<LoggedEvent> logged(List<JourneyEventV1> events) {
        List<LoggedEvent> logged = new ArrayList<>();
        for (int i = 0; i < events.size(); i++) {
            logged.add(new LoggedEvent(events.get(i), 0, i));
        }
        return logged;
    }

    private Map<String, Long> totalsOf(String tenant) {
        return store.current().chain(generation -> generation.totals().totalsOf(tenant)).await().atMost(PATIENCE);
    }

    private void awaitTotals(String tenant) {
        await().atMost(PATIENCE).until(() -> {
            Map<String, Long> counters = totalsOf(tenant);
            return counters.getOrDefault("accounts", 0L) == 2 && counters.keySet().stream()
                    .anyMatch(key -> key.startsWith("outcomes|2026-03"));
        });
    }

    private void send(JourneyEventV1 event) {
        KAFKA.send(Topics.JOURNEY_EVENTS, EventKeys.account(event.tenantId(), event.accountKey()),
                EventJson.write(event));
    }

    private static RequestSpecification as(String tenant) {
        return given().auth().oauth2(TandemInfrastructureResource.infrastructure().signingKey()
                .token(tenant, Set.of("analyst"), Duration.ofMinutes(30)));
    }

    private static String uniqueTenant() {
        return "kpi-" + UUID.randomUUID().toString().substring(0, 8);
    }
}
