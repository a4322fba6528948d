package dev.tandem.events;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.ValidationMessage;
import dev.tandem.model.AccountJourney;
import dev.tandem.model.AsOfNow;
import dev.tandem.model.CommitteeRole;
import dev.tandem.model.ContactKeys;
import dev.tandem.model.Direction;
import dev.tandem.model.EngagementPolicy;
import dev.tandem.model.RoleInference;
import dev.tandem.model.RoleSource;
import dev.tandem.model.TouchpointSource;
import dev.tandem.model.state.CanonicalAccount;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The wire contracts: what {@link EventJson#write} produces for each record validates against its JSON Schema
 * (loaded exactly as ingest loads the input schema), and broken instances do not.
 */
class SchemaContractTest {

    private static final JsonSchema TOUCHPOINT = TouchpointIntake.loadSchema("/schemas/touchpoint.v1.json");
    private static final JsonSchema CONTACT_PROFILE = TouchpointIntake.loadSchema("/schemas/contact-profile.v1.json");
    private static final JsonSchema JOURNEY_EVENT = TouchpointIntake.loadSchema("/schemas/journey-event.v1.json");
    private static final JsonSchema ACCOUNT_SNAPSHOT = TouchpointIntake.loadSchema("/schemas/account-snapshot.v1.json");
    private static final JsonSchema ERASURE = TouchpointIntake.loadSchema("/schemas/erasure.v1.json");
    private static final JsonSchema PERSONA = TouchpointIntake.loadSchema("/schemas/persona.v1.json");

    private static final Instant NOW = Instant.parse("2026-11-23T12:00:00Z");
    private static final ContactKeys KEYS = new ContactKeys("contract-test-secret-0123456789");
    private static final TouchpointIntake INTAKE = new TouchpointIntake(KEYS);

    private static final List<TouchpointV1> TOUCHPOINTS = new ArrayList<>();
    private static final List<ContactProfileV1> PROFILES = new ArrayList<>();
    private static final List<JourneyEventV1> EVENTS = new ArrayList<>();
    private static final List<AccountSnapshotV1> SNAPSHOTS = new ArrayList<>();

    /**
     * A small story through the real intake and aggregate, so every kind of event is produced for real: a CFO and
     * a marketing manager move the account to requirements building, the account goes quiet and a tick of the
     * clock finds it stalled, an engineer turns up after the committee went cold (the account falls back, which
     * clears the stall), the deal is won, and months later only the engineer is still around (the others decayed
     * to nothing and left the committee). A step is a touchpoint's input JSON or a tick of the clock.
     */
    @BeforeAll
    static void produceEveryKindOfRecord() throws Exception {
        List<Object> story = List.of("""
                {"eventId": "evt-1", "accountKey": "northwind", "type": "webinar.attended", "source": "marketing",
                 "occurredAt": "2026-11-20T15:00:00Z",
                 "contact": {"email": "Maria.Chen@northwind.com", "name": "Maria Chen", "title": "CFO"},
                 "properties": {"webinar": "Q4", "minutes": 42, "tags": ["a"], "utm": {"campaign": "x"}}}""", """
                {"eventId": "evt-2", "accountKey": "northwind", "type": "web.visited", "source": "marketing",
                 "occurredAt": "2026-11-20T16:00:00.250+01:00"}""", """
                {"eventId": "evt-3", "accountKey": "northwind", "type": "meeting.held", "source": "sales",
                 "occurredAt": "2026-11-21T10:00:00Z",
                 "contact": {"email": "li.wong@northwind.com", "title": "Marketing Manager"}}""", """
                {"eventId": "evt-4", "accountKey": "northwind", "type": "role.assigned", "source": "sales",
                 "occurredAt": "2026-11-21T11:00:00Z",
                 "contact": {"email": "li.wong@northwind.com"}, "properties": {"role": "champion"}}""", """
                {"eventId": "evt-5", "accountKey": "northwind", "type": "email.clicked", "source": "marketing",
                 "occurredAt": "2026-11-22T08:00:00Z",
                 "contact": {"email": "maria.chen@northwind.com", "title": "Procurement Lead"}}""",
                Instant.parse("2026-12-20T00:00:00Z"), """
                {"eventId": "evt-6", "accountKey": "northwind", "type": "demo.requested", "source": "marketing",
                 "occurredAt": "2026-12-21T09:00:00Z",
                 "contact": {"email": "sam.ode@northwind.com", "title": "Head of Engineering"}}""", """
                {"eventId": "evt-7", "accountKey": "northwind", "type": "deal.won", "source": "sales",
                 "occurredAt": "2026-12-22T09:00:00Z"}""", """
                {"eventId": "evt-8", "accountKey": "northwind", "type": "web.visited", "source": "marketing",
                 "occurredAt": "2027-08-01T09:00:00Z",
                 "contact": {"email": "sam.ode@northwind.com", "title": "Head of Engineering"}}""");
        AccountJourney journey = AccountJourney.start("t1", "northwind", EngagementPolicy.defaults(),
                RoleInference.defaults());
        SNAPSHOTS.add(journey.snapshot());
        for (Object step : story) {
            if (step instanceof Instant now) {
                EVENTS.addAll(journey.tick(now));
                SNAPSHOTS.add(journey.snapshot());
                continue;
            }
            JsonNode item = EventJson.mapper().readTree((String) step);
            Instant now = OffsetDateTime.parse(item.get("occurredAt").asText()).toInstant().plusSeconds(60);
            assertThat(INTAKE.validate(item, "", now)).isEmpty();
            TouchpointInput input = EventJson.mapper().treeToValue(item, TouchpointInput.class);
            TouchpointV1 touchpoint = INTAKE.toTouchpoint(input, "t1", "crm", now);
            TOUCHPOINTS.add(touchpoint);
            ContactProfileV1 profile = INTAKE.toContactProfile(input, "t1", now);
            if (profile != null) {
                PROFILES.add(profile);
            }
            EVENTS.addAll(journey.apply(touchpoint));
            SNAPSHOTS.add(journey.snapshot());
            OLD_SHAPE_SNAPSHOTS.add(journey.canonical());
        }
    }

    /**
     * Snapshots as versions before the slim wire type wrote them: the whole canonical state, role evidence, counts
     * per type, activity and trend sums included. They are still on the compacted topic.
     */
    private static final List<CanonicalAccount> OLD_SHAPE_SNAPSHOTS = new ArrayList<>();

    @Test
    void snapshotsInTheShapeEarlierVersionsWroteStillValidateAndRead() throws Exception {
        assertThat(OLD_SHAPE_SNAPSHOTS).isNotEmpty();
        for (CanonicalAccount old : OLD_SHAPE_SNAPSHOTS) {
            ObjectNode json = tree(old);
            assertThat(json.at("/journey/typeCounts").isObject()).isTrue();
            assertThat(errors(ACCOUNT_SNAPSHOT, json)).as(json.toString()).isEmpty();

            AccountSnapshotV1 read = EventJson.read(json.toString(), AccountSnapshotV1.class);
            assertThat(read.accountVersion()).isEqualTo(old.accountVersion());
            assertThat(read.committee()).extracting(AccountSnapshotV1.Member::role)
                    .containsExactlyElementsOf(old.committee().stream().map(CanonicalAccount.Member::role).toList());
            assertThat(read.journey().stageKey()).isEqualTo(old.journey().stageKey());
            assertThat(read.journey().upcoming()).isEmpty();
            assertThat(read.momentumDecay()).isNull();
            // without decay a reader keeps the momentum as written
            assertThat(dev.tandem.model.AsOfNow.at(read, NOW.plusSeconds(86_400 * 365L)).momentum())
                    .isEqualTo(old.momentum());
        }
    }

    @Test
    void theSlimSnapshotCarriesNoEngineBookkeeping() throws Exception {
        ObjectNode json = tree(SNAPSHOTS.get(SNAPSHOTS.size() - 2));
        assertThat(json.at("/journey").has("typeCounts")).isFalse();
        assertThat(json.at("/journey").has("activity")).isFalse();
        assertThat(json.at("/journey").has("clockEventId")).isFalse();
        assertThat(json.at("/committee/0").has("roleEvidence")).isFalse();
        assertThat(json.at("/momentumDecay/halfLifeDays").asDouble()).isEqualTo(14.0);
    }

    private static Set<String> errors(JsonSchema schema, Object record) throws Exception {
        return errors(schema, EventJson.mapper().readTree(EventJson.write(record)));
    }

    private static Set<String> errors(JsonSchema schema, JsonNode json) {
        return schema.validate(json).stream()
                .map(ValidationMessage::toString)
                .collect(Collectors.toCollection(TreeSet::new));
    }

    private static ObjectNode tree(Object record) throws Exception {
        return (ObjectNode) EventJson.mapper().readTree(EventJson.write(record));
    }

    @Test
    void theStoryProducesEveryJourneyEventType() {
        assertThat(EVENTS).extracting(JourneyEventV1::type).containsAll(journeyEventTypes());
        assertThat(TOUCHPOINTS).anyMatch(t -> t.contactKey() == null).anyMatch(t -> t.contactKey() != null);
        assertThat(PROFILES).anyMatch(p -> p.name() == null).anyMatch(p -> p.name() != null);
    }

    @Test
    void everyJourneyEventMatchesItsSchema() throws Exception {
        for (JourneyEventV1 event : EVENTS) {
            assertThat(errors(JOURNEY_EVENT, event)).as(EventJson.write(event)).isEmpty();
        }
    }

    @Test
    void everyTouchpointMatchesItsSchema() throws Exception {
        for (TouchpointV1 touchpoint : TOUCHPOINTS) {
            assertThat(errors(TOUCHPOINT, touchpoint)).as(EventJson.write(touchpoint)).isEmpty();
        }
    }

    @Test
    void everyContactProfileMatchesItsSchema() throws Exception {
        for (ContactProfileV1 profile : PROFILES) {
            assertThat(errors(CONTACT_PROFILE, profile)).as(EventJson.write(profile)).isEmpty();
        }
    }

    @Test
    void sealedProfilesAndTitlesMatchTheirSchemasEvenAtTheLongestInput() throws Exception {
        dev.tandem.pii.ContactDataKey key = dev.tandem.pii.ContactDataKey.generate();
        for (ContactProfileV1 profile : PROFILES) {
            assertThat(errors(CONTACT_PROFILE, dev.tandem.pii.ContactSealing.seal(profile, key))).isEmpty();
        }
        for (TouchpointV1 touchpoint : TOUCHPOINTS) {
            assertThat(errors(TOUCHPOINT, dev.tandem.pii.ContactSealing.sealTitle(touchpoint, key))).isEmpty();
        }
        // 200 characters of four UTF-8 bytes each: the longest title the input schema admits
        String longest = "\uD83D\uDE00".repeat(200);
        ContactProfileV1 widest = new ContactProfileV1("t1", PROFILES.get(0).contactKey(),
                "a".repeat(64) + "@" + "b".repeat(185) + ".com", longest, longest, NOW);
        assertThat(errors(CONTACT_PROFILE, dev.tandem.pii.ContactSealing.seal(widest, key))).isEmpty();
    }

    @Test
    void erasureStepsMatchTheirSchema() throws Exception {
        ErasureV1 requested = ErasureV1.requested("t1", "er_" + "0123456789abcdef".repeat(2),
                PROFILES.get(0).contactKey(), NOW);
        assertThat(errors(ERASURE, requested)).isEmpty();
        assertThat(errors(ERASURE, requested.confirmedBy("interaction-designer-api", NOW))).isEmpty();
        assertThat(errors(ERASURE, new ErasureV1("t1", "er_1", PROFILES.get(0).contactKey(), "done", null, NOW)))
                .isNotEmpty();
    }

    @Test
    void personasMatchTheirSchemaWithoutTheDesignersInsights() throws Exception {
        dev.tandem.model.persona.Persona designed = new dev.tandem.model.persona.Persona(
                dev.tandem.model.CommitteeRole.ECONOMIC_BUYER, "Finance leader", "Signs off the budget.", null,
                java.util.Arrays.asList("cfo", " ", "head of finance"), List.of("predictable spend"), null, null,
                null, null, List.of("meeting"));
        PersonaV1 onTheWire = PersonaV1.of("t1", designed, 3);

        assertThat(errors(PERSONA, onTheWire)).isEmpty();
        assertThat(onTheWire.titlePatterns()).containsExactly("cfo", "head of finance");
        assertThat(onTheWire.weight()).isEqualTo(1.0);
        assertThat(EventJson.write(onTheWire)).doesNotContain("predictable spend").doesNotContain("Finance leader");
        assertThat(errors(PERSONA, new PersonaV1("t1", null, List.of(), 0, 0))).isNotEmpty();
    }

    @Test
    void everySnapshotMatchesItsSchemaFromTheEmptyAccountOn() throws Exception {
        assertThat(SNAPSHOTS.get(0).lastTouchpointAt()).isNull();
        for (AccountSnapshotV1 snapshot : SNAPSHOTS) {
            assertThat(errors(ACCOUNT_SNAPSHOT, snapshot)).as(EventJson.write(snapshot)).isEmpty();
        }
    }

    @Test
    void theSchemaNamesExactlyTheJourneyEventTypesTheCodeKnows() throws Exception {
        JsonNode schema = EventJson.mapper().readTree(
                SchemaContractTest.class.getResourceAsStream("/schemas/journey-event.v1.json"));
        Set<String> inSchema = StreamSupport.stream(schema.at("/properties/type/enum").spliterator(), false)
                .map(JsonNode::asText)
                .collect(Collectors.toSet());
        Set<String> withData = StreamSupport.stream(schema.at("/allOf").spliterator(), false)
                .filter(rule -> rule.at("/then/properties/data/$ref").isTextual())
                .map(rule -> rule.at("/if/properties/type/const").asText())
                .collect(Collectors.toSet());
        Set<String> defined = new TreeSet<>();
        schema.at("/$defs").fieldNames().forEachRemaining(defined::add);

        assertThat(inSchema).isEqualTo(journeyEventTypes());
        assertThat(withData).isEqualTo(journeyEventTypes());
        assertThat(defined).containsAll(journeyEventTypes());
    }

    @Test
    void aJourneyEventWithoutAccountVersionFails() throws Exception {
        ObjectNode broken = tree(EVENTS.get(0));
        broken.remove("accountVersion");

        assertThat(errors(JOURNEY_EVENT, broken)).singleElement().asString().contains("accountVersion");
    }

    @Test
    void aJourneyEventOfAnUnknownTypeFails() throws Exception {
        ObjectNode broken = tree(EVENTS.get(0));
        broken.put("type", "DealTeleported");

        assertThat(errors(JOURNEY_EVENT, broken)).isNotEmpty().anyMatch(e -> e.contains("/type"));
    }

    @Test
    void aJourneyEventWhoseDataDoesNotFitItsTypeFails() throws Exception {
        JourneyEventV1 memberAdded = EVENTS.stream().filter(e -> e.type().equals("CommitteeMemberAdded"))
                .findFirst().orElseThrow();
        ObjectNode broken = tree(memberAdded);
        broken.put("type", "MomentumShifted");

        assertThat(errors(JOURNEY_EVENT, broken)).isNotEmpty().allMatch(e -> e.contains("/data"));
    }

    @Test
    void aJourneyEventWithAMomentumAbove100OrAVersionOfZeroFails() throws Exception {
        ObjectNode momentum = tree(new JourneyEventV1("t1/a/1", "t1", "a", 1, NOW, List.of("e"),
                new JourneyEventV1.MomentumShifted(99, 101)));
        assertThat(errors(JOURNEY_EVENT, momentum)).singleElement().asString().contains("/data/momentum");

        ObjectNode version = tree(EVENTS.get(0));
        version.put("accountVersion", 0);
        assertThat(errors(JOURNEY_EVENT, version)).singleElement().asString().contains("/accountVersion");
    }

    @Test
    void aTouchpointCarryingAnEmailInsteadOfAContactKeyFails() throws Exception {
        ObjectNode leaky = tree(TOUCHPOINTS.get(0));
        leaky.put("contactKey", "maria.chen@northwind.com");
        assertThat(errors(TOUCHPOINT, leaky)).isNotEmpty().allMatch(e -> e.contains("/contactKey"));

        ObjectNode extra = tree(TOUCHPOINTS.get(0));
        extra.put("contactEmail", "maria.chen@northwind.com");
        assertThat(errors(TOUCHPOINT, extra)).isNotEmpty();
    }

    @Test
    void aTouchpointWithoutDirectionOrWithAnUnknownSourceFails() throws Exception {
        ObjectNode noDirection = tree(TOUCHPOINTS.get(0));
        noDirection.remove("direction");
        assertThat(errors(TOUCHPOINT, noDirection)).singleElement().asString().contains("direction");

        ObjectNode badSource = tree(TOUCHPOINTS.get(0));
        badSource.put("source", "crm");
        assertThat(errors(TOUCHPOINT, badSource)).singleElement().asString().contains("/source");
    }

    @Test
    void aSnapshotWithAnUnknownRoleOrSourceFails() throws Exception {
        ObjectNode badRole = tree(SNAPSHOTS.get(SNAPSHOTS.size() - 1));
        ((ObjectNode) badRole.get("committee").get(0)).put("role", "king");
        assertThat(errors(ACCOUNT_SNAPSHOT, badRole)).singleElement().asString().contains("/committee/0/role");

        ObjectNode badSource = tree(new AccountSnapshotV1("t1", "a", 1, 0, 1, Map.of("fax", 1L), NOW, List.of(),
                null, null));
        assertThat(errors(ACCOUNT_SNAPSHOT, badSource)).isNotEmpty();
    }

    @Test
    void theStoryReachesEveryJourneyStateTheSnapshotSchemaDescribes() {
        AccountSnapshotV1.JourneyProgress last = SNAPSHOTS.get(SNAPSHOTS.size() - 1).journey();
        assertThat(last.outcome()).isNotNull();
        assertThat(last.stageHistory()).hasSizeGreaterThan(2);
        assertThat(last.explanations()).extracting(AccountSnapshotV1.Explanation::kind)
                .contains("stage", "momentum", "stall", "outcome");
        assertThat(SNAPSHOTS).anyMatch(s -> s.journey() != null && !s.journey().alerts().isEmpty());
        assertThat(EVENTS).anyMatch(e -> e.causedBy().isEmpty()); // the tick's
    }

    @Test
    void everyHandMadeJourneyEventKindMatchesItsSchema() throws Exception {
        // the edge cases a story rarely meets: a criterion's error, no previous stage, a deal closed in no stage
        for (JourneyEventV1.Payload payload : EventJsonTest.payloads().toList()) {
            JourneyEventV1 event = EventJsonTest.eventOf(payload);
            assertThat(errors(JOURNEY_EVENT, event)).as(EventJson.write(event)).isEmpty();
        }
    }

    @Test
    void aSnapshotWithEveryJourneyPartValidatesAndSoDoOnesWithoutAJourney() throws Exception {
        AccountSnapshotV1 full = new AccountSnapshotV1("t1", "northwind", 12, 42, 5, Map.of("sales", 5L), NOW,
                List.of(), EventJsonTest.progress(), AsOfNow.decayOf(EngagementPolicy.defaults()));
        assertThat(errors(ACCOUNT_SNAPSHOT, full)).as(EventJson.write(full)).isEmpty();

        ObjectNode nullJourney = tree(new AccountSnapshotV1("t1", "a", 1, 0, 1, Map.of("sales", 1L), NOW, List.of(),
                null, null));
        assertThat(nullJourney.get("journey").isNull()).isTrue();
        assertThat(errors(ACCOUNT_SNAPSHOT, nullJourney)).isEmpty();
        nullJourney.remove("journey"); // written before journeys existed
        assertThat(errors(ACCOUNT_SNAPSHOT, nullJourney)).isEmpty();
    }

    @Test
    void aSnapshotJourneyWithAnUnknownTrendReasonOrRoleFails() throws Exception {
        AccountSnapshotV1 full = new AccountSnapshotV1("t1", "northwind", 12, 42, 5, Map.of(), NOW, List.of(),
                EventJsonTest.progress(), AsOfNow.decayOf(EngagementPolicy.defaults()));

        ObjectNode trend = tree(full);
        ((ObjectNode) trend.get("journey")).put("trend", "sideways");
        assertThat(errors(ACCOUNT_SNAPSHOT, trend)).isNotEmpty().anyMatch(e -> e.contains("/journey/trend"));

        ObjectNode reason = tree(full);
        ((com.fasterxml.jackson.databind.node.ArrayNode) reason.at("/journey/alerts/0/reasons")).add("bad_luck");
        assertThat(errors(ACCOUNT_SNAPSHOT, reason)).isNotEmpty()
                .anyMatch(e -> e.contains("/journey/alerts/0/reasons/1"));

        ObjectNode role = tree(full);
        ((ObjectNode) role.at("/momentumDecay")).putArray("requiredRoles").add("king");
        assertThat(errors(ACCOUNT_SNAPSHOT, role)).isNotEmpty();

        ObjectNode extra = tree(full);
        ((ObjectNode) extra.at("/journey/stageHistory/0")).put("dwell", 3);
        assertThat(errors(ACCOUNT_SNAPSHOT, extra)).isNotEmpty()
                .anyMatch(e -> e.contains("/journey/stageHistory/0"));
    }

    @Test
    void aStallOrStageEventThatDoesNotFitItsTypeFails() throws Exception {
        JourneyEventV1 stall = EVENTS.stream().filter(e -> e.type().equals("StallDetected")).findFirst().orElseThrow();
        ObjectNode reason = tree(stall);
        ((com.fasterxml.jackson.databind.node.ArrayNode) reason.at("/data/reasons")).removeAll().add("bad_luck");
        assertThat(errors(JOURNEY_EVENT, reason)).isNotEmpty().allMatch(e -> e.contains("/data/reasons"));

        ObjectNode owner = tree(stall);
        ((ObjectNode) owner.at("/data/unblockWith/0")).put("owner", "finance");
        assertThat(errors(JOURNEY_EVENT, owner)).isNotEmpty().allMatch(e -> e.contains("/data/unblockWith/0/owner"));

        JourneyEventV1 entered = EVENTS.stream().filter(e -> e.type().equals("StageEntered")).findFirst()
                .orElseThrow();
        ObjectNode criterion = tree(entered);
        ((ObjectNode) criterion.at("/data/criteria/0")).put("satisfied", "yes");
        assertThat(errors(JOURNEY_EVENT, criterion)).isNotEmpty().allMatch(e -> e.contains("/data/criteria/0"));

        JourneyEventV1 closed = EVENTS.stream().filter(e -> e.type().equals("DealClosed")).findFirst().orElseThrow();
        ObjectNode outcome = tree(closed);
        ((ObjectNode) outcome.get("data")).put("outcome", "postponed");
        assertThat(errors(JOURNEY_EVENT, outcome)).isNotEmpty().allMatch(e -> e.contains("/data/outcome"));
    }

    @Test
    void onlyFactsTheClockCanCauseMayNameNoTouchpoint() throws Exception {
        JourneyEventV1 ticked = EVENTS.stream().filter(e -> e.causedBy().isEmpty()).findFirst().orElseThrow();
        assertThat(ticked.type()).isIn("StageEntered", "StageExited", "StallDetected", "StallCleared");
        assertThat(errors(JOURNEY_EVENT, ticked)).isEmpty();

        for (String type : List.of("TouchpointRecorded", "MomentumShifted", "DealClosed")) {
            JourneyEventV1 event = EVENTS.stream().filter(e -> e.type().equals(type)).findFirst().orElseThrow();
            ObjectNode uncaused = tree(event);
            ((com.fasterxml.jackson.databind.node.ArrayNode) uncaused.get("causedBy")).removeAll();
            assertThat(errors(JOURNEY_EVENT, uncaused)).as(type).isNotEmpty()
                    .allMatch(e -> e.contains("/causedBy"));
        }
    }

    @Test
    void aContactProfileWithoutEmailFails() throws Exception {
        ObjectNode broken = tree(new ContactProfileV1("t1", KEYS.keyOf("t1", "a@b.com"), "a@b.com", null, null, NOW));
        broken.putNull("email");
        assertThat(errors(CONTACT_PROFILE, broken)).singleElement().asString().contains("/email");
    }

    @Test
    void aTouchpointRecordedForAnAccountLevelTouchpointHasANullContactKey() throws Exception {
        JourneyEventV1 accountLevel = new JourneyEventV1("t1/a/1", "t1", "a", 1, NOW, List.of("e"),
                new JourneyEventV1.TouchpointRecorded("e", "ad.clicked", TouchpointSource.MARKETING,
                        Direction.BUYER_INITIATED, null, 0.5));
        assertThat(errors(JOURNEY_EVENT, accountLevel)).isEmpty();

        JourneyEventV1 roleChange = new JourneyEventV1("t1/a/2", "t1", "a", 2, NOW, List.of("e"),
                new JourneyEventV1.RoleAssigned(KEYS.keyOf("t1", "a@b.com"), CommitteeRole.END_USER,
                        CommitteeRole.BLOCKER, RoleSource.ASSIGNED));
        assertThat(errors(JOURNEY_EVENT, roleChange)).isEmpty();
    }

    private static Set<String> journeyEventTypes() {
        JsonSubTypes subTypes = JourneyEventV1.Payload.class.getAnnotation(JsonSubTypes.class);
        return Arrays.stream(subTypes.value()).map(JsonSubTypes.Type::name).collect(Collectors.toSet());
    }
}
