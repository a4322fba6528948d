package dev.tandem.infra;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import dev.tandem.events.Topics;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class LocalInfrastructureTest {

    private static LocalInfrastructure infra;

    @BeforeAll
    static void start() {
        infra = LocalInfrastructure.start();
    }

    @AfterAll
    static void stop() {
        infra.close();
    }

    @Test
    void createsEveryTopicWithItsPartitionsAndCleanupPolicy() throws Exception {
        Properties props = new Properties();
        props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, infra.kafkaBootstrapServers());
        try (Admin admin = Admin.create(props)) {
            List<String> names = Topics.ALL.stream().map(Topics.Spec::name).toList();
            Map<String, TopicDescription> described = admin.describeTopics(names).allTopicNames().get();
            for (Topics.Spec spec : Topics.ALL) {
                assertThat(described.get(spec.name()).partitions()).hasSize(spec.partitions());
                ConfigResource resource = new ConfigResource(ConfigResource.Type.TOPIC, spec.name());
                String policy = admin.describeConfigs(List.of(resource)).all().get().get(resource)
                        .get("cleanup.policy").value();
                assertThat(policy).as(spec.name()).isEqualTo(spec.compacted() ? "compact" : "delete");
            }
            assertThat(described.get(Topics.TOUCHPOINTS).partitions()).hasSizeGreaterThanOrEqualTo(3);
        }
    }

    @Test
    void kafkaRoundTripsARecordThroughAConsumerGroup() {
        Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, infra.kafkaBootstrapServers());
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        try (KafkaProducer<String, String> producer =
                new KafkaProducer<>(p, new StringSerializer(), new StringSerializer())) {
            producer.send(new ProducerRecord<>(Topics.TOUCHPOINTS_RAW, "t/a", "hello")).get();
        } catch (Exception e) {
            throw new AssertionError(e);
        }
        Properties c = new Properties();
        c.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, infra.kafkaBootstrapServers());
        c.put(ConsumerConfig.GROUP_ID_CONFIG, "infra-test");
        c.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        try (KafkaConsumer<String, String> consumer =
                new KafkaConsumer<>(c, new StringDeserializer(), new StringDeserializer())) {
            consumer.subscribe(List.of(Topics.TOUCHPOINTS_RAW));
            long deadline = System.currentTimeMillis() + 30_000;
            ConsumerRecords<String, String> records = ConsumerRecords.empty();
            while (records.isEmpty() && System.currentTimeMillis() < deadline) {
                records = consumer.poll(Duration.ofMillis(500));
            }
            assertThat(records.count()).isEqualTo(1);
            assertThat(records.iterator().next().value()).isEqualTo("hello");
        }
    }

    @Test
    void postgresServesEachServiceDatabase() throws Exception {
        for (String database : LocalInfrastructure.POSTGRES_DATABASES) {
            try (Connection connection = DriverManager.getConnection(infra.postgres().jdbcUrl(database),
                    LocalPostgres.USER, "");
                    ResultSet rs = connection.createStatement().executeQuery("SELECT current_database()")) {
                assertThat(rs.next()).isTrue();
                assertThat(rs.getString(1)).isEqualTo(database);
            }
        }
    }

    @Test
    void mongoStoresAndFindsDocuments() {
        try (MongoClient client = MongoClients.create(infra.mongoConnectionString())) {
            var collection = client.getDatabase("infra_test").getCollection("things");
            collection.insertOne(new Document("_id", "a").append("n", 1));
            assertThat(collection.find(new Document("_id", "a")).first()).containsEntry("n", 1);

            // updates, a guarded replace under a unique index, deletes: what the projections do (no size kept)
            collection.createIndex(new Document("_id", 1).append("n", 1),
                    new com.mongodb.client.model.IndexOptions().unique(true));
            collection.updateOne(new Document("_id", "a"), new Document("$inc", new Document("n", 2)));
            assertThat(collection.find(new Document("_id", "a")).first()).containsEntry("n", 3);
            collection.replaceOne(new Document("_id", "a").append("n", 3), new Document("_id", "a").append("n", 4));
            assertThatThrownBy(() -> collection.replaceOne(new Document("_id", "a").append("n", 3),
                    new Document("_id", "a").append("n", 5), new com.mongodb.client.model.ReplaceOptions().upsert(true)))
                    .isInstanceOf(com.mongodb.MongoWriteException.class).hasMessageContaining("E11000");
            assertThat(collection.find(new Document("_id", "a")).first()).containsEntry("n", 4);
            assertThat(collection.deleteOne(new Document("_id", "a")).getDeletedCount()).isEqualTo(1);
            assertThat(collection.countDocuments()).isZero();
        }
    }

    @Test
    void quarkusConfigPointsAtTheRunningServers() {
        Map<String, String> config = infra.quarkusConfigFor("designer");
        assertThat(config).containsEntry("kafka.bootstrap.servers", infra.kafkaBootstrapServers())
                .containsEntry("quarkus.datasource.reactive.url",
                        "postgresql://localhost:" + infra.postgres().port() + "/designer")
                .containsEntry("quarkus.mongodb.connection-string", infra.mongoConnectionString());
    }
}
