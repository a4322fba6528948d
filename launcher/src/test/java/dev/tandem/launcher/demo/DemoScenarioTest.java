package dev.tandem.launcher.demo;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tandem.events.EventJson;
import dev.tandem.events.TouchpointInput;
import dev.tandem.events.TouchpointIntake;
import dev.tandem.events.TouchpointV1;
import dev.tandem.events.AccountSnapshotV1;
import dev.tandem.model.AccountJourney;
import dev.tandem.model.CommitteeRole;
import dev.tandem.model.ContactKeys;
import dev.tandem.model.EngagementPolicy;
import dev.tandem.model.RoleInference;
import dev.tandem.model.TouchpointCatalog;
import dev.tandem.model.TouchpointSource;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class DemoScenarioTest {

    private static final Instant NOW = Instant.parse("2026-11-23T12:34:56Z");
    private final DemoScenario scenario = DemoScenario.standard();
    private final TouchpointIntake intake = new TouchpointIntake(new ContactKeys("demo-scenario-test-secret"));

    @Test
    void everyTouchpointPassesTheIngestSchemaAsSentOverHttp() {
        for (TouchpointInput touchpoint : scenario.touchpoints(NOW)) {
            // exactly the JSON TandemApi posts, validated by the same code journey-ingest runs
            JsonNode sent = EventJson.read(TandemApi.write(touchpoint), JsonNode.class);
            assertThat(intake.validate(sent, "", NOW)).as(touchpoint.eventId()).isEmpty();
        }
    }

    @Test
    void usesStandardTypesAndKnownSources() {
        assertThat(scenario.touchpoints(NOW)).allSatisfy(touchpoint -> {
            assertThat(TouchpointCatalog.standardTypes()).contains(touchpoint.type());
            assertThat(TouchpointSource.fromWireName(touchpoint.source())).isPresent();
        });
        assertThat(scenario.touchpoints(NOW).stream().map(TouchpointInput::source).collect(Collectors.toSet()))
                .as("marketing and sales pull on the same accounts")
                .contains("marketing", "sales");
    }

    @Test
    void timesAreIsoInstantsSpreadOverThePastWeeksNeverInTheFuture() {
        List<Instant> times = scenario.touchpoints(NOW).stream()
                .map(touchpoint -> OffsetDateTime.parse(touchpoint.occurredAt()).toInstant())
                .toList();
        assertThat(times).allSatisfy(time -> assertThat(time).isBefore(NOW));
        assertThat(times.stream().min(Instant::compareTo).orElseThrow()).isBefore(NOW.minus(java.time.Duration.ofDays(28)));
        assertThat(times.stream().max(Instant::compareTo).orElseThrow()).isAfter(NOW.minus(java.time.Duration.ofDays(3)));
    }

    @Test
    void eventIdsAreUniqueAndTheSameEveryRunSoResendingChangesNothing() {
        List<String> ids = scenario.touchpoints(NOW).stream().map(TouchpointInput::eventId).toList();
        assertThat(ids).doesNotHaveDuplicates();
        assertThat(DemoScenario.standard().touchpoints(NOW.plusSeconds(86_400)))
                .extracting(TouchpointInput::eventId).containsExactlyElementsOf(ids);
    }

    @Test
    void tellsTheStoryOfFiveAccountsTwoOfThemClosedWithReasons() {
        assertThat(scenario.accounts()).extracting(DemoScenario.Account::accountKey)
                .containsExactly("acme-robotics", "globex-logistics", "initech", "umbrella-foods", "stark-retail");
        assertThat(scenario.touchpoints(NOW)).filteredOn(touchpoint -> touchpoint.type().startsWith("deal."))
                .extracting(TouchpointInput::type).containsExactly("deal.won", "deal.lost", "deal.lost");
        assertThat(scenario.touchpoints(NOW)).filteredOn(touchpoint -> touchpoint.type().startsWith("deal."))
                .allSatisfy(deal -> assertThat(deal.properties()).containsKey("reportedBy"));
        assertThat(scenario.contactNamesOf(DemoScenario.ACME)).hasSizeGreaterThanOrEqualTo(5);
        assertThat(scenario.contactNamesOf(DemoScenario.GLOBEX)).hasSize(1);
        assertThat(scenario.contactNamesOf(DemoScenario.INITECH)).hasSize(2);
    }

    @Test
    void theBroadCommitteeCoversTheRolesThatBuyAndOutrunsTheLoneChampion() {
        AccountSnapshotV1 acme = replay(DemoScenario.ACME);
        AccountSnapshotV1 globex = replay(DemoScenario.GLOBEX);
        AccountSnapshotV1 initech = replay(DemoScenario.INITECH);

        Set<CommitteeRole> acmeRoles = acme.committee().stream().map(AccountSnapshotV1.Member::role)
                .collect(Collectors.toSet());
        assertThat(acmeRoles).contains(CommitteeRole.ECONOMIC_BUYER, CommitteeRole.CHAMPION,
                CommitteeRole.TECHNICAL_EVALUATOR, CommitteeRole.PROCUREMENT, CommitteeRole.END_USER);
        assertThat(globex.committee()).singleElement()
                .satisfies(member -> assertThat(member.role()).isEqualTo(CommitteeRole.CHAMPION));
        assertThat(initech.committee()).extracting(AccountSnapshotV1.Member::role)
                .containsExactlyInAnyOrder(CommitteeRole.ECONOMIC_BUYER, CommitteeRole.TECHNICAL_EVALUATOR);

        assertThat(acme.momentum()).isGreaterThan(initech.momentum()).isGreaterThan(globex.momentum());
        assertThat(globex.momentum()).as("a committee of one is capped low").isLessThan(48);
    }

    /** The demo account as journey-state would compute it, with the same domain engine. */
    private AccountSnapshotV1 replay(DemoScenario.Account account) {
        AccountJourney journey = AccountJourney.start("dev", account.accountKey(), EngagementPolicy.defaults(),
                RoleInference.defaults());
        for (TouchpointInput input : scenario.touchpointsOf(account, NOW)) {
            TouchpointV1 touchpoint = intake.toTouchpoint(input, "dev", "demo", NOW);
            journey.apply(touchpoint);
        }
        return journey.snapshot();
    }
}
