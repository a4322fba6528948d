package dev.tandem.designer.design;

import static dev.tandem.designer.design.DesignFixtures.as;
import static dev.tandem.designer.design.DesignFixtures.designer;
import static dev.tandem.designer.design.DesignFixtures.persona;
import static dev.tandem.designer.design.DesignFixtures.tenant;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;

import dev.tandem.designer.rest.PersonaResource;
import dev.tandem.events.EventJson;
import dev.tandem.events.PersonaV1;
import dev.tandem.events.Topics;
import dev.tandem.infra.KafkaTestClient;
import dev.tandem.infra.TandemInfrastructureResource;
import dev.tandem.model.CommitteeRole;
import dev.tandem.support.security.Roles;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

/** Personas in PostgreSQL: created, replaced only with the ETag they were read at, refused field by field. */
@QuarkusTest
@QuarkusTestResource(TandemInfrastructureResource.class)
class PersonaApiTest {

    @Test
    void aPersonaIsCreatedThenReplacedOnlyWithItsCurrentEtag() {
        String tenant = tenant("personas");
        String etag = designer(tenant).body(PersonaResource.EXAMPLE).put("/v1/personas/economic_buyer")
                .then().statusCode(201).header("Location", endsWith("/v1/personas/economic_buyer"))
                .body("persona.role", equalTo("economic_buyer"))
                .body("persona.decisionCriteria.criterion", contains("total cost of ownership", "time to value"))
                .body("revision", equalTo(1))
                .extract().header("ETag");

        designer(tenant).body(persona("Finance")).put("/v1/personas/economic_buyer").then().statusCode(428);
        String replaced = designer(tenant).header("If-Match", etag).body(persona("Finance", "cfo"))
                .put("/v1/personas/economic_buyer").then().statusCode(200).body("revision", equalTo(2))
                .body("persona.name", equalTo("Finance")).extract().header("ETag");
        // a second designer still holding the first ETag loses, and is told so
        designer(tenant).header("If-Match", etag).body(persona("Stale")).put("/v1/personas/economic_buyer").then()
                .statusCode(412).contentType("application/problem+json").body("status", equalTo(412));

        as(tenant, Roles.SELLER).get("/v1/personas/economic_buyer").then().statusCode(200)
                .header("ETag", replaced).body("persona.name", equalTo("Finance"));
        as(tenant, Roles.SELLER).body(persona("Seller")).put("/v1/personas/champion").then().statusCode(403);
        // another tenant has none
        designer(tenant("other")).get("/v1/personas/economic_buyer").then().statusCode(404);
    }

    @Test
    void savedAndDeletedPersonasReachJourneyStateThroughTheLog() {
        String tenant = tenant("persona-log");
        String etag = designer(tenant).body(PersonaResource.EXAMPLE).put("/v1/personas/economic_buyer").then()
                .statusCode(201).extract().header("ETag");
        designer(tenant).header("If-Match", etag).body(persona("Finance", "cfo")).put("/v1/personas/economic_buyer")
                .then().statusCode(200);
        designer(tenant).delete("/v1/personas/economic_buyer").then().statusCode(204);
        designer(tenant).get("/v1/personas/economic_buyer").then().statusCode(404);

        String key = tenant + "/economic_buyer";
        try (KafkaTestClient kafka = new KafkaTestClient(
                TandemInfrastructureResource.infrastructure().kafkaBootstrapServers())) {
            List<ConsumerRecord<String, String>> records = kafka.readUntil(Topics.PERSONAS,
                            r -> r.key().equals(key) && r.value() == null, Duration.ofSeconds(30)).stream()
                    .filter(r -> r.key().equals(key)).toList();
            assertThat(records).hasSize(3);
            PersonaV1 first = EventJson.read(records.get(0).value(), PersonaV1.class);
            assertThat(first.titlePatterns()).containsExactly("cfo", "finance director|head of finance");
            assertThat(first.weight()).isEqualTo(2.0);
            assertThat(EventJson.read(records.get(1).value(), PersonaV1.class))
                    .isEqualTo(new PersonaV1(tenant, CommitteeRole.ECONOMIC_BUYER, List.of("cfo"), 1.0, 2));
            assertThat(records.get(2).value()).isNull();
            // the designers' insights stay in the designer API
            assertThat(records.get(0).value()).doesNotContain("ROI model");
        }
    }

    @Test
    void anInvalidPersonaIsRefusedFieldByFieldAndNothingIsStored() {
        String tenant = tenant("personas-bad");
        designer(tenant).body("""
                {"name": "", "weight": 9, "titlePatterns": ["head of [ops"], "preferredChannels": ["E mail"]}""")
                .put("/v1/personas/champion").then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", contains("/name", "/weight", "/titlePatterns/0", "/preferredChannels/0"))
                .body("errors[2].message", containsString("is not a regular expression"));
        designer(tenant).body("{\"name\": \"x\", \"weight\": \"heavy\"}").put("/v1/personas/champion").then()
                .statusCode(400).body("errors.field", hasItems("/weight"));
        designer(tenant).get("/v1/personas/champion").then().statusCode(404);
        designer(tenant).body(persona("x")).put("/v1/personas/cfo").then().statusCode(404)
                .body("detail", containsString("No committee role 'cfo'"));
    }

}
