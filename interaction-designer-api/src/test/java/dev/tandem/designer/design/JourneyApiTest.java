package dev.tandem.designer.design;

import static dev.tandem.designer.design.DesignFixtures.as;
import static dev.tandem.designer.design.DesignFixtures.designer;
import static dev.tandem.designer.design.DesignFixtures.pilot;
import static dev.tandem.designer.design.DesignFixtures.pilotPersonas;
import static dev.tandem.designer.design.DesignFixtures.tenant;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.nullValue;

import dev.tandem.designer.rest.JourneyResource;
import dev.tandem.events.EventJson;
import dev.tandem.events.Topics;
import dev.tandem.infra.KafkaTestClient;
import dev.tandem.infra.TandemInfrastructureResource;
import dev.tandem.model.journey.JourneyDefinition;
import dev.tandem.model.journey.JourneyStatus;
import dev.tandem.support.security.Roles;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

/**
 * Journey maps in PostgreSQL: drafts edited with If-Match, publishing refused at the field, and a published or
 * archived version reaching {@code tandem.journey-definitions.v1} through the outbox.
 */
@QuarkusTest
@QuarkusTestResource(TandemInfrastructureResource.class)
class JourneyApiTest {

    private static final String GOOD_CRITERIA = "'trial.started' in types && engagedMembers >= 2";

    @Test
    void aDraftIsSavedOnlyWithItsCurrentEtagAndFrozenOncePublished() {
        String tenant = tenant("drafts");
        String etag = designer(tenant).body(pilot(GOOD_CRITERIA, "meeting.held")).post("/v1/journeys").then()
                .statusCode(201).header("Location", endsWith("/v1/journeys/pilot/versions/1"))
                .body("status", equalTo("draft")).body("version", equalTo(1))
                // no personas yet: what publishing would refuse is shown on the draft
                .body("problems.field", hasItem("/requiredRoles/0"))
                .extract().header("ETag");

        designer(tenant).body(pilot(GOOD_CRITERIA, "meeting.held")).put("/v1/journeys/pilot/versions/1").then()
                .statusCode(428);
        String saved = designer(tenant).header("If-Match", etag).body(pilot("momentum >= 20", "meeting.held"))
                .put("/v1/journeys/pilot/versions/1").then().statusCode(200)
                .body("stages[1].entryCriteria", equalTo("momentum >= 20")).extract().header("ETag");
        designer(tenant).header("If-Match", etag).body(pilot(GOOD_CRITERIA, "meeting.held"))
                .put("/v1/journeys/pilot/versions/1").then().statusCode(412)
                .contentType("application/problem+json");
        designer(tenant).get("/v1/journeys/pilot/versions/1").then().statusCode(200).header("ETag", saved)
                .body("stages[1].entryCriteria", equalTo("momentum >= 20"));

        pilotPersonas(tenant);
        designer(tenant).header("If-Match", saved).post("/v1/journeys/pilot/publish").then().statusCode(200)
                .body("status", equalTo("published")).body("problems", empty());
        designer(tenant).header("If-Match", saved).body(pilot(GOOD_CRITERIA, "meeting.held"))
                .put("/v1/journeys/pilot/versions/1").then().statusCode(409)
                .body("detail", containsString("frozen"));
        designer(tenant).body(pilot(GOOD_CRITERIA, "meeting.held")).post("/v1/journeys").then().statusCode(409);
    }

    @Test
    void aCelTypoAnUnknownTypeAndAMissingPersonaAreRefusedAtTheirFields() {
        String tenant = tenant("refused");
        designer(tenant).body(pilot("momentun >= 20", "podcast.listened")).post("/v1/journeys").then()
                .statusCode(201);
        designer(tenant).body(DesignFixtures.persona("Champion")).put("/v1/personas/champion").then().statusCode(201);

        designer(tenant).post("/v1/journeys/pilot/publish").then().statusCode(400)
                .contentType("application/problem+json")
                .body("errors.field", contains("/stages/1/entryCriteria", "/requiredRoles/1",
                        "/stages/1/requiredRoles/1", "/stages/1/interactionPoints/0/role",
                        "/stages/1/interactionPoints/0/touchpointType"))
                .body("errors[0].message", containsString("did you mean 'momentum'?"));
        designer(tenant).get("/v1/journeys/pilot").then().statusCode(200)
                .body("publishedVersion", nullValue()).body("draftVersion", equalTo(1));
        try (KafkaTestClient kafka = kafka()) {
            assertThat(kafka.readToEnd(Topics.JOURNEY_DEFINITIONS)).noneMatch(r -> r.key().startsWith(tenant + "/"));
        }
    }

    @Test
    void aTenantsOwnTouchpointTypesArePublishable() {
        // application.properties: tandem.designer.tenants."custom-types".touchpoint-types=podcast.listened
        String tenant = "custom-types";
        designer(tenant).body(pilot(GOOD_CRITERIA, "podcast.listened").replace("\"pilot\"", "\"podcasts\""))
                .post("/v1/journeys").then().statusCode(201).body("problems.field", hasItem("/requiredRoles/0"));
        pilotPersonas(tenant);
        designer(tenant).post("/v1/journeys/podcasts/publish").then().statusCode(200);
    }

    @Test
    void publishingReachesJourneyStateThroughTheLogAndSupersedesTheVersionBefore() {
        String tenant = tenant("published");
        pilotPersonas(tenant);
        designer(tenant).body(pilot(GOOD_CRITERIA, "meeting.held")).post("/v1/journeys").then().statusCode(201);
        designer(tenant).post("/v1/journeys/pilot/publish").then().statusCode(200);
        designer(tenant).post("/v1/journeys/pilot/versions").then().statusCode(201)
                .header("Location", endsWith("/v1/journeys/pilot/versions/2")).body("stages[1].entryCriteria",
                        equalTo(GOOD_CRITERIA));
        designer(tenant).post("/v1/journeys/pilot/versions").then().statusCode(409);
        designer(tenant).post("/v1/journeys/pilot/publish").then().statusCode(200).body("version", equalTo(2));

        designer(tenant).get("/v1/journeys/pilot").then().statusCode(200).body("publishedVersion", equalTo(2))
                .body("versions.status", contains("published", "archived"));
        designer(tenant).post("/v1/journeys/pilot/archive").then().statusCode(200)
                .body("archivedAt", org.hamcrest.Matchers.notNullValue())
                .body("versions.status", contains("archived", "archived"));

        try (KafkaTestClient kafka = kafka()) {
            List<JourneyDefinition> sent = kafka.readUntil(Topics.JOURNEY_DEFINITIONS,
                            r -> r.key().equals(tenant + "/pilot") && r.value().contains("\"archived\""),
                            Duration.ofSeconds(30)).stream()
                    .filter(r -> r.key().equals(tenant + "/pilot")).map(ConsumerRecord::value)
                    .map(json -> EventJson.read(json, JourneyDefinition.class)).toList();
            assertThat(sent).extracting(JourneyDefinition::version, JourneyDefinition::status).containsExactly(
                    org.assertj.core.groups.Tuple.tuple(1, JourneyStatus.PUBLISHED),
                    org.assertj.core.groups.Tuple.tuple(2, JourneyStatus.PUBLISHED),
                    org.assertj.core.groups.Tuple.tuple(2, JourneyStatus.ARCHIVED));
            assertThat(sent).allSatisfy(d -> assertThat(d.tenantId()).isEqualTo(tenant));
        }
    }

    @Test
    void journeysArePagedByCursorAndOnlyDesignersDesign() {
        String tenant = tenant("paged");
        for (String id : List.of("a-journey", "b-journey", "c-journey")) {
            designer(tenant).body(pilot(GOOD_CRITERIA, "meeting.held").replace("\"pilot\"", "\"" + id + "\""))
                    .post("/v1/journeys").then().statusCode(201);
        }
        String next = designer(tenant).queryParam("limit", 2).get("/v1/journeys").then().statusCode(200)
                .body("journeys.journeyId", contains("a-journey", "b-journey")).extract().path("nextCursor");
        designer(tenant).queryParam("limit", 2).queryParam("cursor", next).get("/v1/journeys").then()
                .statusCode(200).body("journeys.journeyId", contains("c-journey")).body("nextCursor", nullValue());
        designer(tenant).queryParam("limit", 0).get("/v1/journeys").then().statusCode(400)
                .body("errors.field", contains("limit"));
        as(tenant, Roles.SELLER).get("/v1/journeys").then().statusCode(403);
        designer(tenant).body(JourneyResource.EXAMPLE).post("/v1/journeys").then().statusCode(201);
    }

    private static KafkaTestClient kafka() {
        return new KafkaTestClient(TandemInfrastructureResource.infrastructure().kafkaBootstrapServers());
    }
}
