package dev.tandem.infra;

import dev.tandem.events.Topics;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Tandem's whole local infrastructure: a real Kafka broker with Tandem's topics, a real PostgreSQL with one
 * database per service that owns one, and a MongoDB wire-compatible server. The services' tests and the
 * launcher both start it here and take their configuration from {@link #quarkusConfig()}.
 */
public final class LocalInfrastructure implements AutoCloseable {

    /** The services that keep state in PostgreSQL, each in a database of its own name. */
    public static final List<String> POSTGRES_DATABASES = List.of("designer", "ingest", "vault");
    /** The contact key vault's database (docs/security.md#erasure), shared by the services that use it. */
    public static final String VAULT_DATABASE = "vault";

    private static final Logger LOG = LoggerFactory.getLogger(LocalInfrastructure.class);

    private final LocalKafka kafka;
    private final LocalPostgres postgres;
    private final LocalMongo mongo;
    private final LocalSigningKey signingKey;

    private LocalInfrastructure(LocalKafka kafka, LocalPostgres postgres, LocalMongo mongo,
            LocalSigningKey signingKey) {
        this.kafka = kafka;
        this.postgres = postgres;
        this.mongo = mongo;
        this.signingKey = signingKey;
    }

    /** Started with a fresh development signing key in a temporary directory (tests). */
    public static LocalInfrastructure start() {
        try {
            return start(java.nio.file.Files.createTempDirectory("tandem-signing-key"));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /**
     * Started with the development signing key of {@code signingKeyDirectory} (made there on first use), so the
     * tokens a user printed stay valid across runs on the same data.
     */
    public static LocalInfrastructure start(java.nio.file.Path signingKeyDirectory) {
        long started = System.nanoTime();
        // Kafka and PostgreSQL take a couple of seconds each: start them side by side
        CompletableFuture<LocalKafka> kafka = CompletableFuture.supplyAsync(() -> {
            try {
                LocalKafka k = LocalKafka.start();
                k.createTopics(Topics.ALL);
                return k;
            } catch (Exception e) {
                throw new IllegalStateException("Kafka did not start", e);
            }
        });
        CompletableFuture<LocalPostgres> postgres = CompletableFuture.supplyAsync(() -> {
            try {
                LocalPostgres p = LocalPostgres.start();
                for (String database : POSTGRES_DATABASES) {
                    p.createDatabase(database);
                }
                return p;
            } catch (Exception e) {
                throw new IllegalStateException("PostgreSQL did not start", e);
            }
        });
        LocalMongo mongo = LocalMongo.start();
        try {
            LocalInfrastructure infra = new LocalInfrastructure(kafka.join(), postgres.join(), mongo,
                    LocalSigningKey.in(signingKeyDirectory));
            LOG.info("Local infrastructure ready in {} ms: kafka={} postgres=localhost:{} mongo={}",
                    (System.nanoTime() - started) / 1_000_000, infra.kafkaBootstrapServers(), infra.postgres.port(),
                    infra.mongo.connectionString());
            return infra;
        } catch (RuntimeException e) {
            mongo.close();
            kafka.thenAccept(LocalInfrastructure::closeQuietly);
            postgres.thenAccept(LocalInfrastructure::closeQuietly);
            throw e;
        }
    }

    public String kafkaBootstrapServers() {
        return kafka.bootstrapServers();
    }

    public String mongoConnectionString() {
        return mongo.connectionString();
    }

    public LocalPostgres postgres() {
        return postgres;
    }

    public LocalKafka kafka() {
        return kafka;
    }

    /**
     * The Quarkus configuration that points a service at this infrastructure. Datasource properties name the
     * first of {@link #POSTGRES_DATABASES}; {@link #quarkusConfigFor(String)} picks another.
     */
    public Map<String, String> quarkusConfig() {
        return quarkusConfigFor(POSTGRES_DATABASES.get(0));
    }

    public Map<String, String> quarkusConfigFor(String database) {
        Map<String, String> config = new LinkedHashMap<>();
        config.put("kafka.bootstrap.servers", kafkaBootstrapServers());
        config.put("quarkus.datasource.reactive.url", postgres.reactiveUrl(database));
        config.put("quarkus.datasource.jdbc.url", postgres.jdbcUrl(database));
        config.put("quarkus.datasource.username", LocalPostgres.USER);
        config.put("quarkus.datasource.password", "");
        config.put("quarkus.mongodb.connection-string", mongoConnectionString());
        // read only by services that enable the vault (tandem.vault.enabled)
        config.put("tandem.vault.url", postgres.reactiveUrl(VAULT_DATABASE));
        config.put("tandem.vault.username", LocalPostgres.USER);
        config.put("tandem.vault.password", "");
        config.putAll(signingKey.quarkusConfig());
        return config;
    }

    /** The development signing key the services are configured to trust (tests sign their tokens with it). */
    public LocalSigningKey signingKey() {
        return signingKey;
    }

    @Override
    public void close() {
        closeQuietly(kafka);
        closeQuietly(postgres);
        closeQuietly(mongo);
    }

    private static void closeQuietly(AutoCloseable closeable) {
        try {
            closeable.close();
        } catch (Exception e) {
            LOG.warn("Could not stop {} cleanly: {}", closeable.getClass().getSimpleName(), e.toString());
        }
    }
}
