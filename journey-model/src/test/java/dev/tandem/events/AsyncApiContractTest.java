package dev.tandem.events;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/** docs/asyncapi.yaml documents every topic of {@link Topics} as it is, and its references resolve. */
class AsyncApiContractTest {

    private static final Path DOCS = Path.of("..", "docs");
    private static Map<String, Object> asyncApi;

    @BeforeAll
    static void load() throws IOException {
        try (Reader reader = Files.newBufferedReader(DOCS.resolve("asyncapi.yaml"))) {
            asyncApi = map(new Yaml(new SafeConstructor(new LoaderOptions())).load(reader));
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object value) {
        return (Map<String, Object>) value;
    }

    @SuppressWarnings("unchecked")
    private static List<Object> list(Object value) {
        return (List<Object>) value;
    }

    /** Resolves a local reference such as {@code #/components/messages/Touchpoint}. */
    private static Object resolve(String ref) {
        Object node = asyncApi;
        for (String part : ref.substring(2).split("/")) {
            node = map(node).get(part);
            assertThat(node).as("unresolvable %s", ref).isNotNull();
        }
        return node;
    }

    private static void collectRefs(Object node, List<String> refs) {
        if (node instanceof Map<?, ?> m) {
            m.forEach((key, value) -> {
                if ("$ref".equals(key)) {
                    refs.add((String) value);
                } else {
                    collectRefs(value, refs);
                }
            });
        } else if (node instanceof List<?> l) {
            l.forEach(item -> collectRefs(item, refs));
        }
    }

    private static Map<String, Map<String, Object>> channelsByAddress() {
        Map<String, Map<String, Object>> byAddress = new HashMap<>();
        map(asyncApi.get("channels")).values().forEach(c -> byAddress.put((String) map(c).get("address"), map(c)));
        return byAddress;
    }

    @Test
    void itIsAnAsyncApi3Document() {
        assertThat(asyncApi.get("asyncapi")).isEqualTo("3.0.0");
    }

    @Test
    void everyTopicIsAChannelWithItsPartitionsAndCleanupPolicy() {
        Map<String, Map<String, Object>> channels = channelsByAddress();

        assertThat(channels.keySet()).containsExactlyInAnyOrderElementsOf(
                Topics.ALL.stream().map(Topics.Spec::name).toList());
        for (Topics.Spec spec : Topics.ALL) {
            Map<String, Object> kafka = map(map(channels.get(spec.name()).get("bindings")).get("kafka"));
            assertThat(kafka.get("topic")).isEqualTo(spec.name());
            assertThat(kafka.get("partitions")).as(spec.name()).isEqualTo(spec.partitions());
            assertThat(list(map(kafka.get("topicConfiguration")).get("cleanup.policy"))).as(spec.name())
                    .containsExactly(spec.compacted() ? "compact" : "delete");
        }
    }

    @Test
    void everyTopicHasAWriterAndAReader() {
        Map<String, Set<String>> actionsByChannel = new HashMap<>();
        map(asyncApi.get("operations")).values().forEach(o -> {
            Map<String, Object> operation = map(o);
            String channelRef = (String) map(operation.get("channel")).get("$ref");
            String address = (String) map(resolve(channelRef)).get("address");
            actionsByChannel.computeIfAbsent(address, a -> new TreeSet<>()).add((String) operation.get("action"));
        });

        for (Topics.Spec spec : Topics.ALL) {
            if (spec.name().startsWith("tandem.dlq.")) {
                assertThat(actionsByChannel.get(spec.name())).as(spec.name()).contains("send");
            } else {
                assertThat(actionsByChannel.get(spec.name())).as(spec.name()).containsExactly("receive", "send");
            }
        }
    }

    @Test
    void everyReferenceResolvesAndSchemaFilesExist() {
        List<String> refs = new ArrayList<>();
        collectRefs(asyncApi, refs);

        assertThat(refs).isNotEmpty();
        for (String ref : refs) {
            if (ref.startsWith("#/")) {
                resolve(ref);
            } else {
                assertThat(DOCS.resolve(ref)).as(ref).isRegularFile();
            }
        }
        assertThat(refs.stream().filter(r -> !r.startsWith("#")).collect(Collectors.toSet())).containsExactlyInAnyOrder(
                "../journey-model/src/main/resources/schemas/touchpoint.v1.json",
                "../journey-model/src/main/resources/schemas/touchpoint-input.v1.json",
                "../journey-model/src/main/resources/schemas/contact-profile.v1.json",
                "../journey-model/src/main/resources/schemas/journey-event.v1.json",
                "../journey-model/src/main/resources/schemas/account-snapshot.v1.json",
                "../journey-model/src/main/resources/schemas/erasure.v1.json",
                "../journey-model/src/main/resources/schemas/persona.v1.json");
    }

    @Test
    void cloudEventMessagesNameTheirCeTypeAndRequireTheBinaryModeHeaders() {
        Map<String, Object> schemas = map(map(asyncApi.get("components")).get("schemas"));
        assertThat(list(map(schemas.get("CloudEventHeaders")).get("required"))).containsExactlyInAnyOrder(
                "ce_specversion", "ce_id", "ce_type", "ce_source", "ce_time", "content-type");
        assertThat(ceTypeOf(schemas, "TouchpointHeaders")).containsExactly(CloudEventTypes.TOUCHPOINT);
        assertThat(ceTypeOf(schemas, "ContactProfileHeaders")).containsExactly(CloudEventTypes.CONTACT_PROFILE);
        assertThat(ceTypeOf(schemas, "AccountSnapshotHeaders")).containsExactly(CloudEventTypes.ACCOUNT_SNAPSHOT);
        // every kind the code knows (its @JsonSubTypes), no more
        assertThat(ceTypeOf(schemas, "JourneyEventHeaders")).containsExactlyInAnyOrderElementsOf(
                journeyEventTypes().stream().map(CloudEventTypes::journeyEvent).toList());
    }

    @Test
    void theJourneyEventMessageNamesEveryJourneyEventType() {
        Map<String, Object> message = map(map(map(asyncApi.get("components")).get("messages")).get("JourneyEvent"));
        String description = (String) message.get("description");

        assertThat(journeyEventTypes()).allSatisfy(type -> assertThat(description).contains(type));
    }

    private static List<String> journeyEventTypes() {
        JsonSubTypes subTypes = JourneyEventV1.Payload.class.getAnnotation(JsonSubTypes.class);
        return Arrays.stream(subTypes.value()).map(JsonSubTypes.Type::name).toList();
    }

    @Test
    void deadLetterTopicsCarryTheSmallRyeDeadLetterHeaders() {
        Map<String, Map<String, Object>> channels = channelsByAddress();
        for (String dlq : List.of(Topics.DLQ_JOURNEY_STATE, Topics.DLQ_DESIGNER_API, Topics.DLQ_KPI_PROJECTOR)) {
            for (Object messageRef : map(channels.get(dlq).get("messages")).values()) {
                Map<String, Object> message = map(resolve((String) map(messageRef).get("$ref")));
                Map<String, Object> headers = map(resolve((String) map(message.get("headers")).get("$ref")));
                assertThat(map(headers.get("properties"))).as(dlq).containsKeys("dead-letter-reason",
                        "dead-letter-cause", "dead-letter-topic", "dead-letter-partition", "dead-letter-offset");
            }
        }
    }

    private static List<Object> ceTypeOf(Map<String, Object> schemas, String name) {
        Map<String, Object> ceType = map(map(map(list(map(schemas.get(name)).get("allOf")).get(1))
                .get("properties")).get("ce_type"));
        return ceType.containsKey("const") ? List.of(ceType.get("const")) : list(ceType.get("enum"));
    }
}
