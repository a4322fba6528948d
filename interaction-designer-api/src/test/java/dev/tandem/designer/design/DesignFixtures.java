package dev.tandem.designer.design;

import static io.restassured.RestAssured.given;

import dev.tandem.infra.TandemInfrastructureResource;
import dev.tandem.support.security.Roles;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import java.time.Duration;
import java.util.Set;
import java.util.UUID;

/** Requests as a designer of a tenant of the test's own, and the bodies the journey tests send. */
final class DesignFixtures {

    static final String PILOT = """
            {"journeyId": "pilot", "name": "Product-led pilot", "halfLife": "P10D",
             "requiredRoles": ["champion", "technical_evaluator"],
             "stages": [
               {"key": "curious", "name": "Curious", "entryCriteria": "touchpoints > 0", "stallAfter": "P14D",
                "requiredRoles": ["champion"],
                "interactionPoints": [{"role": "champion", "touchpointType": "webinar.attended", "owner": "marketing",
                                       "unblocks": "a live session on their use case"}]},
               {"key": "piloting", "name": "Piloting", "entryCriteria": "%s", "stallAfter": "P10D",
                "requiredRoles": ["champion", "technical_evaluator"],
                "interactionPoints": [{"role": "technical_evaluator", "touchpointType": "%s", "owner": "sales",
                                       "unblocks": "a pilot success plan"}]}]}""";

    private DesignFixtures() {
    }

    static String tenant(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    static RequestSpecification as(String tenant, String role) {
        String token = TandemInfrastructureResource.infrastructure().signingKey()
                .token(tenant, Set.of(role), Duration.ofMinutes(10));
        return given().auth().oauth2(token).contentType(ContentType.JSON);
    }

    static RequestSpecification designer(String tenant) {
        return as(tenant, Roles.DESIGNER);
    }

    static String pilot(String pilotCriteria, String pilotType) {
        return PILOT.formatted(pilotCriteria, pilotType);
    }

    static String persona(String name, String... titlePatterns) {
        return "{\"name\": \"" + name + "\", \"titlePatterns\": [" + String.join(", ",
                java.util.Arrays.stream(titlePatterns).map(p -> "\"" + p + "\"").toList()) + "]}";
    }

    /** Personas for the roles the pilot journey names. */
    static void pilotPersonas(String tenant) {
        designer(tenant).body(persona("Champion", "head of ops")).put("/v1/personas/champion").then().statusCode(201);
        designer(tenant).body(persona("Evaluator", "architect")).put("/v1/personas/technical_evaluator").then()
                .statusCode(201);
    }

    static Duration patience() {
        return Duration.ofSeconds(30);
    }
}
