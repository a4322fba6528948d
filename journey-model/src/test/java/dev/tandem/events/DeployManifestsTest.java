package dev.tandem.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * The deployment files agree with {@link Topics}: every topic, with its partitions and cleanup policy, in the
 * docker-compose topic-init container and as a Strimzi KafkaTopic; KEDA never scales past the partitions.
 * (SnakeYAML comes with json-schema-validator.)
 */
class DeployManifestsTest {

    private static final Path DEPLOY = Path.of("..", "deploy");
    private static final Pattern TOPIC_ARGS = Pattern.compile(
            "--topic\\s+(\\S+).*?--partitions\\s+(\\d+).*?--config\\s+cleanup\\.policy=(\\w+)");

    /** What a manifest says about one topic. */
    record Declared(int partitions, String cleanupPolicy) {
    }

    private static Map<String, Declared> expected() {
        Map<String, Declared> topics = new LinkedHashMap<>();
        Topics.ALL.forEach(spec -> topics.put(spec.name(),
                new Declared(spec.partitions(), spec.compacted() ? "compact" : "delete")));
        return topics;
    }

    private static List<Map<String, Object>> yamlDocuments(Path file) throws IOException {
        try (Reader reader = Files.newBufferedReader(file)) {
            List<Map<String, Object>> documents = new ArrayList<>();
            for (Object document : new Yaml(new SafeConstructor(new LoaderOptions())).loadAll(reader)) {
                if (document != null) {
                    documents.add(map(document));
                }
            }
            return documents;
        }
    }

    private static List<Map<String, Object>> k8sBaseDocuments(String kind) throws IOException {
        try (Stream<Path> files = Files.walk(DEPLOY.resolve("k8s/base"))) {
            List<Map<String, Object>> documents = new ArrayList<>();
            for (Path file : files.filter(f -> f.toString().endsWith(".yaml")).sorted().toList()) {
                yamlDocuments(file).stream().filter(d -> kind.equals(d.get("kind"))).forEach(documents::add);
            }
            return documents;
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

    @Test
    void composeTopicInitCreatesEveryTopicWithItsPartitionsAndCleanupPolicy() throws IOException {
        Map<String, Object> compose = yamlDocuments(DEPLOY.resolve("docker-compose.yml")).get(0);
        Map<String, Object> topicInit = map(map(compose.get("services")).get("topic-init"));
        String script = list(topicInit.get("command")).stream().map(Object::toString)
                .collect(Collectors.joining("\n"));

        Map<String, Declared> declared = new LinkedHashMap<>();
        for (String line : script.split("\n")) {
            Matcher m = TOPIC_ARGS.matcher(line);
            if (m.find()) {
                Declared previous = declared.put(m.group(1), new Declared(Integer.parseInt(m.group(2)), m.group(3)));
                assertThat(previous).as("%s is created twice", m.group(1)).isNull();
            }
        }

        assertThat(declared).isEqualTo(expected());
        assertThat(topicInit.get("image")).isEqualTo("apache/kafka:4.1.1");
        assertThat(map(map(compose.get("services")).get("kafka")).get("image")).isEqualTo("apache/kafka:4.1.1");
    }

    @Test
    void composeStartsTheServicesOnlyAfterTheTopicsExist() throws IOException {
        Map<String, Object> services = map(yamlDocuments(DEPLOY.resolve("docker-compose.yml")).get(0).get("services"));
        for (String service : List.of("journey-ingest", "journey-state", "interaction-designer-api", "kpi-projector")) {
            Map<String, Object> definition = map(services.get(service));
            assertThat(definition.get("image")).isEqualTo("tandem/" + service + ":latest");
            assertThat(map(map(definition.get("depends_on")).get("topic-init")).get("condition"))
                    .isEqualTo("service_completed_successfully");
            assertThat(map(definition.get("environment"))).containsKey("KAFKA_BOOTSTRAP_SERVERS");
            assertThat(list(map(definition.get("healthcheck")).get("test")).toString())
                    .contains("localhost:9000/q/health/ready");
        }
    }

    @Test
    void everyTopicIsAStrimziKafkaTopicWithItsPartitionsAndCleanupPolicy() throws IOException {
        Map<String, Declared> declared = new LinkedHashMap<>();
        for (Map<String, Object> topic : k8sBaseDocuments("KafkaTopic")) {
            Map<String, Object> spec = map(topic.get("spec"));
            String name = (String) Objects.requireNonNullElse(spec.get("topicName"),
                    map(topic.get("metadata")).get("name"));
            Declared previous = declared.put(name, new Declared(((Number) spec.get("partitions")).intValue(),
                    (String) map(spec.get("config")).get("cleanup.policy")));
            assertThat(previous).as("%s is declared twice", name).isNull();
            assertThat(map(map(topic.get("metadata")).get("labels"))).containsKey("strimzi.io/cluster");
        }

        assertThat(declared).isEqualTo(expected());
    }

    @Test
    void kedaScalesTheThreeConsumersOnTheirGroupsLagAndNeverPastThePartitions() throws IOException {
        Map<String, Integer> partitions = Topics.ALL.stream()
                .collect(Collectors.toMap(Topics.Spec::name, Topics.Spec::partitions));
        Map<String, String> groupByTarget = new LinkedHashMap<>();
        for (Map<String, Object> scaled : k8sBaseDocuments("ScaledObject")) {
            Map<String, Object> spec = map(scaled.get("spec"));
            String target = (String) map(spec.get("scaleTargetRef")).get("name");
            int maxReplicas = ((Number) spec.get("maxReplicaCount")).intValue();
            for (Object trigger : list(spec.get("triggers"))) {
                assertThat(map(trigger).get("type")).isEqualTo("kafka");
                Map<String, Object> metadata = map(map(trigger).get("metadata"));
                String topic = (String) metadata.get("topic");
                assertThat(partitions).as("trigger topic of %s", target).containsKey(topic);
                assertThat(maxReplicas).as("%s on %s", target, topic).isLessThanOrEqualTo(partitions.get(topic));
                groupByTarget.merge(target, (String) metadata.get("consumerGroup"), (a, b) -> {
                    assertThat(b).as("one consumer group per service").isEqualTo(a);
                    return a;
                });
            }
        }

        assertThat(groupByTarget).containsOnly(
                Map.entry("journey-state", "journey-state"),
                Map.entry("interaction-designer-api", "interaction-designer-api"),
                Map.entry("kpi-projector", "kpi-projector"));
    }

    @Test
    void everyServiceDeploymentProbesHealthAndIsScrapedForMetrics() throws IOException {
        List<Map<String, Object>> deployments = new java.util.ArrayList<>(k8sBaseDocuments("Deployment"));
        assertThat(deployments).extracting(d -> map(d.get("metadata")).get("name")).containsExactlyInAnyOrder(
                "journey-ingest", "interaction-designer-api", "kpi-projector");
        List<Map<String, Object>> statefulSets = k8sBaseDocuments("StatefulSet");
        assertThat(statefulSets).extracting(d -> map(d.get("metadata")).get("name")).containsExactly("journey-state");
        assertThat(list(map(statefulSets.get(0).get("spec")).get("volumeClaimTemplates"))).as("stores on a volume")
                .hasSize(1);
        deployments.addAll(statefulSets);
        for (Map<String, Object> deployment : deployments) {
            Map<String, Object> template = map(map(deployment.get("spec")).get("template"));
            assertThat(map(map(template.get("metadata")).get("annotations")))
                    .containsEntry("prometheus.io/scrape", "true")
                    .containsEntry("prometheus.io/path", "/q/metrics")
                    .containsEntry("prometheus.io/port", "9000");
            Map<String, Object> container = map(list(map(template.get("spec")).get("containers")).get(0));
            assertThat(list(container.get("ports"))).extracting(port -> map(port).get("name") + ":"
                    + map(port).get("containerPort")).containsExactlyInAnyOrder("http:8080", "management:9000");
            for (String probe : List.of("startupProbe", "readinessProbe", "livenessProbe")) {
                assertThat(map(map(container.get(probe)).get("httpGet")).get("port")).as(probe)
                        .isEqualTo("management");
            }
            assertThat(map(map(container.get("readinessProbe")).get("httpGet")).get("path"))
                    .isEqualTo("/q/health/ready");
            assertThat(map(map(container.get("livenessProbe")).get("httpGet")).get("path"))
                    .isEqualTo("/q/health/live");
            Map<String, Object> resources = map(container.get("resources"));
            assertThat(resources).containsKeys("requests", "limits");
        }
    }
}
