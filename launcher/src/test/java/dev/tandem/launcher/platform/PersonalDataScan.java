package dev.tandem.launcher.platform;

import com.mongodb.client.MongoClient;
import dev.tandem.events.ContactProfileV1;
import dev.tandem.events.EventJson;
import dev.tandem.events.Topics;
import dev.tandem.infra.KafkaTestClient;
import dev.tandem.pii.ContactDataKey;
import dev.tandem.pii.KeyWrapping;
import dev.tandem.pii.PiiField;
import dev.tandem.pii.SealedPii;
import dev.tandem.pii.UnreadablePiiException;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.stream.Stream;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ListTopicsOptions;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.bson.Document;

/**
 * Looks for pieces of text, as UTF-8 bytes, everywhere the running platform keeps data: every record (key, value,
 * headers) of every Kafka topic, every document of every MongoDB collection, every row of every table of every
 * PostgreSQL database, and every file of journey-state's RocksDB directory. Answers where each was found.
 */
final class PersonalDataScan {

    private final InfrastructureAddresses infrastructure;
    private final Path stateDirectory;

    PersonalDataScan(InfrastructureAddresses infrastructure, Path stateDirectory) {
        this.infrastructure = infrastructure;
        this.stateDirectory = stateDirectory;
    }

    /** Where any of {@code needles} occurs, e.g. {@code kafka tandem.contacts.v1-0@12}. */
    List<String> findAll(Collection<String> needles) {
        List<String> found = new ArrayList<>();
        found.addAll(kafka(needles));
        found.addAll(mongo(needles));
        found.addAll(postgres(needles));
        found.addAll(rocksDb(needles));
        return found;
    }

    List<String> kafka(Collection<String> needles) {
        List<String> found = new ArrayList<>();
        Properties admin = new Properties();
        admin.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, infrastructure.kafkaBootstrapServers());
        Collection<String> topics;
        try (Admin client = Admin.create(admin)) {
            topics = client.listTopics(new ListTopicsOptions().listInternal(true)).names().get();
        } catch (Exception e) {
            throw new IllegalStateException("cannot list the topics", e);
        }
        Properties consumer = new Properties();
        consumer.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, infrastructure.kafkaBootstrapServers());
        consumer.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        // everything on the log, committed or not: an aborted transaction's records are bytes on disk too
        consumer.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_uncommitted");
        try (KafkaConsumer<byte[], byte[]> reader = new KafkaConsumer<>(consumer, new ByteArrayDeserializer(),
                new ByteArrayDeserializer())) {
            for (String topic : topics) {
                List<TopicPartition> partitions = reader.partitionsFor(topic).stream()
                        .map(p -> new TopicPartition(topic, p.partition())).toList();
                reader.assign(partitions);
                reader.seekToBeginning(partitions);
                Map<TopicPartition, Long> end = new HashMap<>(reader.endOffsets(partitions));
                long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
                while (partitions.stream().anyMatch(p -> reader.position(p) < end.get(p))
                        && System.nanoTime() < deadline) {
                    for (ConsumerRecord<byte[], byte[]> record : reader.poll(Duration.ofMillis(200))) {
                        List<byte[]> parts = new ArrayList<>();
                        parts.add(record.key());
                        parts.add(record.value());
                        for (Header header : record.headers()) {
                            parts.add(header.value());
                        }
                        if (parts.stream().anyMatch(bytes -> contains(bytes, needles))) {
                            found.add("kafka " + record.topic() + "-" + record.partition() + "@" + record.offset());
                        }
                    }
                }
            }
        }
        return found;
    }

    List<String> mongo(Collection<String> needles) {
        List<String> found = new ArrayList<>();
        try (MongoClient client = MongoClients.create(infrastructure.mongoConnectionString())) {
            for (String databaseName : client.listDatabaseNames()) {
                MongoDatabase database = client.getDatabase(databaseName);
                for (String collection : database.listCollectionNames()) {
                    for (Document document : database.getCollection(collection).find()) {
                        if (contains(document.toJson().getBytes(StandardCharsets.UTF_8), needles)) {
                            found.add("mongodb " + databaseName + "." + collection + " " + document.get("_id"));
                        }
                    }
                }
            }
        }
        return found;
    }

    List<String> postgres(Collection<String> needles) {
        List<String> found = new ArrayList<>();
        for (Map.Entry<String, String> database : infrastructure.postgresJdbcUrls().entrySet()) {
            try (Connection connection = DriverManager.getConnection(database.getValue(), "postgres", "");
                    Statement statement = connection.createStatement()) {
                List<String> tables = new ArrayList<>();
                try (ResultSet rows = statement.executeQuery("SELECT schemaname || '.' || tablename FROM pg_tables "
                        + "WHERE schemaname NOT IN ('pg_catalog', 'information_schema')")) {
                    while (rows.next()) {
                        tables.add(rows.getString(1));
                    }
                }
                for (String table : tables) {
                    // the row as text: every column, bytea as hex (so sealed bytes cannot hide plaintext either)
                    try (ResultSet rows = statement.executeQuery("SELECT t::text FROM " + table + " t")) {
                        while (rows.next()) {
                            if (contains(rows.getString(1).getBytes(StandardCharsets.UTF_8), needles)) {
                                found.add("postgresql " + database.getKey() + " " + table);
                            }
                        }
                    }
                }
            } catch (SQLException e) {
                throw new IllegalStateException("cannot scan database " + database.getKey(), e);
            }
        }
        return found;
    }

    List<String> rocksDb(Collection<String> needles) {
        if (!Files.isDirectory(stateDirectory)) {
            return List.of();
        }
        try (Stream<Path> files = Files.walk(stateDirectory)) {
            return files.filter(Files::isRegularFile)
                    .filter(file -> contains(read(file), needles))
                    .map(file -> "rocksdb " + stateDirectory.relativize(file))
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The sealed name of the first profile stored under {@code key} ({@code tenant/contactKey}) on the contacts topic. */
    String sealedProfileName(String key) {
        try (KafkaTestClient client = new KafkaTestClient(infrastructure.kafkaBootstrapServers())) {
            return client.readToEnd(Topics.CONTACTS).stream()
                    .filter(r -> key.equals(r.key()) && r.value() != null)
                    .map(r -> EventJson.read(r.value(), ContactProfileV1.class).name())
                    .findFirst().orElseThrow();
        }
    }

    /** How many keys the vault holds, and how many of them open {@code sealed}. */
    record Opening(int keysTried, int opened) {
    }

    /**
     * Tries every key the vault still holds, unwrapped with the key-encryption key, on {@code sealed}, each passed
     * off as the key the value names (so a key id alone cannot make it fail).
     */
    Opening openWithEveryVaultKey(String sealed, PiiField field, String keyEncryptionKey) {
        KeyWrapping wrapping = new KeyWrapping(keyEncryptionKey);
        String namedKey = SealedPii.keyIdOf(sealed).orElseThrow();
        int tried = 0;
        int opened = 0;
        try (Connection vault = DriverManager.getConnection(infrastructure.postgresJdbcUrls().get("vault"),
                        "postgres", "");
                ResultSet keys = vault.createStatement().executeQuery("SELECT key_id, wrapped_key FROM contact_keys")) {
            while (keys.next()) {
                ContactDataKey candidate = new ContactDataKey(namedKey,
                        wrapping.unwrap(keys.getString(1), keys.getBytes(2)).key());
                tried++;
                try {
                    SealedPii.open(candidate, field, sealed);
                    opened++;
                } catch (UnreadablePiiException expected) {
                    // what an erased key leaves behind
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the vault", e);
        }
        return new Opening(tried, opened);
    }

    private static byte[] read(Path file) {
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            return new byte[0]; // a file RocksDB deleted while we walked
        }
    }

    static boolean contains(byte[] haystack, Collection<String> needles) {
        if (haystack == null) {
            return false;
        }
        String text = new String(haystack, StandardCharsets.ISO_8859_1);
        return needles.stream().anyMatch(needle -> text.contains(
                new String(needle.getBytes(StandardCharsets.UTF_8), StandardCharsets.ISO_8859_1)));
    }
}
