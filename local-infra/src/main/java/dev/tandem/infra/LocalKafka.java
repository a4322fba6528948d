package dev.tandem.infra;

import dev.tandem.events.Topics;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.test.KafkaClusterTestKit;
import org.apache.kafka.common.utils.Exit;
import org.apache.kafka.common.test.TestKitNodes;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** A real Apache Kafka broker in KRaft mode (one combined broker and controller) inside this JVM. */
public final class LocalKafka implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(LocalKafka.class);

    private final KafkaClusterTestKit cluster;
    private boolean closed;

    private LocalKafka(KafkaClusterTestKit cluster) {
        this.cluster = cluster;
    }

    public static LocalKafka start() throws Exception {
        KafkaClusterTestKit cluster = new KafkaClusterTestKit.Builder(new TestKitNodes.Builder()
                .setCombined(true)
                .setNumBrokerNodes(1)
                .setNumControllerNodes(1)
                .build())
                // a single broker: the internal topics cannot have more replicas, or consumers never join a group
                .setConfigProp("offsets.topic.replication.factor", "1")
                .setConfigProp("offsets.topic.num.partitions", "1")
                .setConfigProp("transaction.state.log.replication.factor", "1")
                .setConfigProp("transaction.state.log.min.isr", "1")
                .setConfigProp("share.coordinator.state.topic.replication.factor", "1")
                .setConfigProp("share.coordinator.state.topic.min.isr", "1")
                .setConfigProp("group.initial.rebalance.delay.ms", "0")
                .setConfigProp("auto.create.topics.enable", "false")
                .setDeleteOnClose(true)
                .build();
        cluster.format();
        cluster.startup();
        cluster.waitForReadyBrokers();
        return new LocalKafka(cluster);
    }

    public String bootstrapServers() {
        return cluster.bootstrapServers();
    }

    /** Creates the topics (idempotently), compacted where the spec says so. */
    public void createTopics(List<Topics.Spec> specs) throws InterruptedException, ExecutionException {
        Properties props = new Properties();
        props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers());
        try (Admin admin = Admin.create(props)) {
            List<NewTopic> topics = specs.stream()
                    .map(spec -> new NewTopic(spec.name(), spec.partitions(), (short) 1)
                            .configs(Map.of(TopicConfig.CLEANUP_POLICY_CONFIG,
                                    spec.compacted() ? TopicConfig.CLEANUP_POLICY_COMPACT
                                            : TopicConfig.CLEANUP_POLICY_DELETE)))
                    .toList();
            try {
                admin.createTopics(topics).all().get();
            } catch (ExecutionException e) {
                if (!(e.getCause() instanceof TopicExistsException)) {
                    throw e;
                }
            }
        }
    }

    @Override
    public synchronized void close() throws Exception {
        // KafkaClusterTestKit may be closed only once
        if (!closed) {
            closed = true;
            // A broker that meets a failure while it shuts down (a log directory removed under it, a controller
            // gone first) halts the JVM. Here the JVM is a test run or the launcher, done and exiting: a halt would
            // only turn its exit code into a failure (a Maven fork that passed every test, then "failed").
            Exit.setHaltProcedure((status, message) ->
                    LOG.warn("Kafka asked to halt the JVM ({}) while closing; ignored: {}", status, message));
            Exit.setExitProcedure((status, message) ->
                    LOG.warn("Kafka asked to exit the JVM ({}) while closing; ignored: {}", status, message));
            cluster.close();
        }
    }
}
