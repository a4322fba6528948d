package dev.tandem.events;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tandem.model.ContactKeys;
import dev.tandem.model.Direction;
import dev.tandem.model.TouchpointSource;
import java.time.Instant;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TouchpointIntakeTest {

    private static final Instant NOW = Instant.parse("2026-11-23T12:00:00Z");
    private static final String SECRET = "test-secret-with-enough-characters";
    private static final String EMAIL = "maria.chen@northwind.com";

    private final TouchpointIntake intake = new TouchpointIntake(new ContactKeys(SECRET));

    private static ObjectNode valid() {
        return (ObjectNode) json("""
                {"eventId": "evt-1001", "accountKey": "northwind", "type": "webinar.attended",
                 "source": "marketing", "occurredAt": "2026-11-20T15:00:00Z",
                 "contact": {"email": "maria.chen@northwind.com", "name": "Maria Chen",
                             "title": "Chief Financial Officer"},
                 "properties": {"webinar": "Cutting procurement cycle time", "minutes": 42}}
                """);
    }

    private static JsonNode json(String text) {
        try {
            return EventJson.mapper().readTree(text);
        } catch (Exception e) {
            throw new IllegalArgumentException(e);
        }
    }

    private static ObjectNode with(Consumer<ObjectNode> change) {
        ObjectNode node = valid();
        change.accept(node);
        return node;
    }

    private List<String> fieldsOf(JsonNode item, String prefix) {
        return intake.validate(item, prefix, NOW).stream().map(FieldError::field).toList();
    }

    private TouchpointV1 touchpointOf(JsonNode item) throws Exception {
        return intake.toTouchpoint(EventJson.mapper().treeToValue(item, TouchpointInput.class), "t1", "crm", NOW);
    }

    @Test
    void aValidTouchpointPasses() {
        assertThat(intake.validate(valid(), "", NOW)).isEmpty();
    }

    @Test
    void aMinimalAccountLevelTouchpointPasses() {
        JsonNode minimal = json("""
                {"eventId": "e-1", "accountKey": "northwind.com", "type": "acme.custom_signal",
                 "source": "partner", "occurredAt": "2026-11-20T15:00:00+01:00"}
                """);
        assertThat(intake.validate(minimal, "", NOW)).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "missing eventId        | /eventId",
        "bad type name          | /type",
        "unknown source         | /source",
        "bad occurredAt         | /occurredAt",
        "occurredAt sans offset | /occurredAt",
        "future occurredAt      | /occurredAt",
        "bad email              | /contact/email",
        "unknown direction      | /direction",
        "role without role      | /properties/role",
        "role without property  | /properties",
        "unknown role           | /properties/role"
    })
    void anInvalidFieldIsNamedByItsJsonPointer(String fault, String pointer) {
        ObjectNode item = with(node -> {
            switch (fault.trim()) {
                case "missing eventId" -> node.remove("eventId");
                case "bad type name" -> node.put("type", "Email.Opened");
                case "unknown source" -> node.put("source", "crm");
                case "bad occurredAt" -> node.put("occurredAt", "2026-13-40T25:00:00Z");
                case "occurredAt sans offset" -> node.put("occurredAt", "2026-11-20T15:00:00");
                case "future occurredAt" -> node.put("occurredAt", NOW.plusSeconds(6 * 60).toString());
                case "bad email" -> ((ObjectNode) node.get("contact")).put("email", "maria.chen(at)northwind");
                case "unknown direction" -> node.put("direction", "sideways");
                case "role without role" -> node.put("type", "role.assigned");
                case "role without property" -> {
                    node.put("type", "role.assigned");
                    node.remove("properties");
                }
                case "unknown role" -> {
                    node.put("type", "role.assigned");
                    ((ObjectNode) node.get("properties")).put("role", "king");
                }
                default -> throw new IllegalArgumentException(fault);
            }
        });

        assertThat(fieldsOf(item, "")).containsExactly(pointer);
        assertThat(fieldsOf(item, "/2")).containsExactly("/2" + pointer);
    }

    @Test
    void everyFaultOfAnItemIsReportedSortedByField() {
        ObjectNode item = with(node -> {
            node.remove("eventId");
            node.put("source", "crm");
            node.put("type", "Email.Opened");
        });
        assertThat(fieldsOf(item, "/0")).containsExactly("/0/eventId", "/0/source", "/0/type");
    }

    /*
     * Bug: an unknown field is reported at the pointer of the object that holds it ("" or "/2"), not at its own
     * pointer, because TouchpointIntake.validate appends the property name only to "required" messages.
     */
    @Test
    void anUnknownTopLevelFieldIsNamedByItsPointer() {
        ObjectNode item = with(node -> node.put("tenantId", "somebody-else"));

        assertThat(fieldsOf(item, "")).containsExactly("/tenantId");
        assertThat(fieldsOf(item, "/2")).containsExactly("/2/tenantId");
    }

    @Test
    void anUnknownContactFieldIsRefused() {
        ObjectNode item = with(node -> ((ObjectNode) node.get("contact")).put("phone", "+1 555 0100"));

        assertThat(fieldsOf(item, "")).hasSize(1).allMatch(field -> field.startsWith("/contact"));
    }

    @Test
    void fiveMinutesOfClockSkewAreTolerated() {
        ObjectNode item = with(node -> node.put("occurredAt", NOW.plus(TouchpointIntake.MAX_CLOCK_SKEW).toString()));
        assertThat(intake.validate(item, "", NOW)).isEmpty();
    }

    @Test
    void aValidRoleAssignmentPasses() {
        ObjectNode item = with(node -> {
            node.put("type", "role.assigned");
            node.put("source", "sales");
            ((ObjectNode) node.get("properties")).put("role", "champion");
        });
        assertThat(intake.validate(item, "", NOW)).isEmpty();
    }

    @Test
    void theDirectionComesFromTheCatalogueUnlessGiven() throws Exception {
        assertThat(touchpointOf(valid()).direction()).isEqualTo(Direction.BUYER_INITIATED);
        assertThat(touchpointOf(with(n -> n.put("type", "meeting.held"))).direction())
                .isEqualTo(Direction.SELLER_INITIATED);
        assertThat(touchpointOf(with(n -> n.put("type", "acme.custom_signal"))).direction())
                .isEqualTo(Direction.BUYER_INITIATED);
        assertThat(touchpointOf(with(n -> {
            n.put("type", "meeting.held");
            n.put("direction", "buyer_initiated");
        })).direction()).isEqualTo(Direction.BUYER_INITIATED);
    }

    @Test
    void theTouchpointCarriesAPseudonymousKeyAndNeverTheEmailOrName() throws Exception {
        TouchpointV1 touchpoint = touchpointOf(valid());

        assertThat(touchpoint.contactKey()).isEqualTo(new ContactKeys(SECRET).keyOf("t1", EMAIL));
        assertThat(touchpoint.contactTitle()).isEqualTo("Chief Financial Officer");
        String wire = EventJson.write(touchpoint);
        assertThat(wire).doesNotContain(EMAIL).doesNotContain("maria.chen").doesNotContain("Maria Chen")
                .contains(touchpoint.contactKey());
    }

    @Test
    void theTouchpointTakesTheTenantAndReceiptTimeFromTheCallerAndNormalisesOccurredAt() throws Exception {
        TouchpointV1 touchpoint = touchpointOf(with(n -> n.put("occurredAt", "2026-11-20T16:00:00+01:00")));

        assertThat(touchpoint.tenantId()).isEqualTo("t1");
        assertThat(touchpoint.receivedAt()).isEqualTo(NOW);
        assertThat(touchpoint.occurredAt()).isEqualTo(Instant.parse("2026-11-20T15:00:00Z"));
        assertThat(touchpoint.source()).isEqualTo(TouchpointSource.MARKETING);
        assertThat(touchpoint.eventId()).isEqualTo("evt-1001");
        assertThat(touchpoint.accountKey()).isEqualTo("northwind");
        assertThat(touchpoint.properties()).containsEntry("webinar", "Cutting procurement cycle time");
    }

    @Test
    void anAccountLevelTouchpointHasNoContactKeyAndNoProfile() throws Exception {
        ObjectNode item = with(n -> n.remove("contact"));
        TouchpointInput input = EventJson.mapper().treeToValue(item, TouchpointInput.class);

        assertThat(intake.toTouchpoint(input, "t1", "crm", NOW).contactKey()).isNull();
        assertThat(intake.toContactProfile(input, "t1", NOW)).isNull();
    }

    @Test
    void theContactProfileCarriesTheSameKeyAndTheTrimmedEmail() throws Exception {
        ObjectNode item = with(n -> ((ObjectNode) n.get("contact")).put("email", EMAIL));
        TouchpointInput input = EventJson.mapper().treeToValue(item, TouchpointInput.class);

        ContactProfileV1 profile = intake.toContactProfile(input, "t1", NOW);

        assertThat(profile.contactKey()).isEqualTo(intake.toTouchpoint(input, "t1", "crm", NOW).contactKey());
        assertThat(profile.email()).isEqualTo(EMAIL);
        assertThat(profile.name()).isEqualTo("Maria Chen");
        assertThat(profile.tenantId()).isEqualTo("t1");
        assertThat(profile.updatedAt()).isEqualTo(NOW);
    }

    /*
     * Bug: the input schema admits a null property value (marketing tools send them), but
     * TouchpointV1's constructor copies properties with Map.copyOf, which throws NullPointerException on a null
     * value: the ingest request fails with a 500 after validation said it was fine.
     */
    @Test
    void aNullPropertyValuePassesValidationAndDoesNotBreakTheTouchpoint() throws Exception {
        ObjectNode item = with(n -> ((ObjectNode) n.get("properties")).putNull("campaign"));
        assertThat(intake.validate(item, "", NOW)).isEmpty();

        TouchpointV1 touchpoint = touchpointOf(item);

        assertThat(touchpoint.properties()).containsEntry("webinar", "Cutting procurement cycle time");
        assertThat(touchpoint.properties().get("campaign")).isNull();
        assertThat(EventJson.read(EventJson.write(touchpoint), TouchpointV1.class)).isEqualTo(touchpoint);
    }

    @Test
    void withoutAnAccountKeyTheContactsEmailDomainNamesTheAccountThroughTheTenantsMapping() throws Exception {
        TouchpointIntake mapped = new TouchpointIntake(new dev.tandem.model.ContactKeys("a-long-enough-test-secret"),
                tenant -> new dev.tandem.model.AccountResolver(java.util.Map.of("acme.com", "acme-robotics")));
        String json = """
                {"eventId":"e-1","type":"email.clicked","source":"marketing","occurredAt":"2026-11-01T10:00:00Z",
                 "contact":{"email":"dana@eu.acme.com","title":"CFO"}}""";
        com.fasterxml.jackson.databind.JsonNode node = EventJson.mapper().readTree(json);
        assertThat(mapped.validate(node, "", java.time.Instant.parse("2026-11-02T00:00:00Z"), "t1")).isEmpty();
        TouchpointInput input = EventJson.mapper().treeToValue(node, TouchpointInput.class);
        assertThat(mapped.toTouchpoint(input, "t1", "crm", java.time.Instant.parse("2026-11-02T00:00:00Z")).accountKey())
                .isEqualTo("acme-robotics");
    }

    @Test
    void withoutAnAccountKeyAPersonalMailboxOrNoContactIsRefusedNamingTheField() throws Exception {
        TouchpointIntake intake = new TouchpointIntake(new dev.tandem.model.ContactKeys("a-long-enough-test-secret"));
        java.time.Instant now = java.time.Instant.parse("2026-11-02T00:00:00Z");
        com.fasterxml.jackson.databind.JsonNode personal = EventJson.mapper().readTree("""
                {"eventId":"e-2","type":"email.clicked","source":"marketing","occurredAt":"2026-11-01T10:00:00Z",
                 "contact":{"email":"dana@gmail.com"}}""");
        com.fasterxml.jackson.databind.JsonNode anonymous = EventJson.mapper().readTree("""
                {"eventId":"e-3","type":"ad.clicked","source":"marketing","occurredAt":"2026-11-01T10:00:00Z"}""");
        assertThat(intake.validate(personal, "/4", now, "t1")).extracting(FieldError::field)
                .containsExactly("/4/contact/email");
        assertThat(intake.validate(anonymous, "", now, "t1")).extracting(FieldError::field)
                .containsExactly("/accountKey");
    }
}
