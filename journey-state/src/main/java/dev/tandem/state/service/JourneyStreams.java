package dev.tandem.state.service;

import dev.tandem.state.config.BoundedRocksDbConfig;
import dev.tandem.state.config.StateConfig;
import dev.tandem.state.messaging.JourneyTopology;
import dev.tandem.state.messaging.StateMetrics;
import dev.tandem.state.messaging.TopologySettings;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.kafka.KafkaStreamsMetrics;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler.StreamThreadExceptionResponse;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Runs the journey topology inside the Quarkus service: started at start-up, closed at shutdown (state
 * flushed, transactions committed). A stream thread that dies of an exception (a broker or disk outage, a
 * bug) is replaced after a back-off that grows with consecutive failures, so processing resumes from the last
 * committed transaction; health reports the state and the failures.
 */
@ApplicationScoped
public class JourneyStreams {

    private static final Logger LOG = Logger.getLogger(JourneyStreams.class);
    private static final Duration MAX_BACKOFF = Duration.ofSeconds(30);

    private final StateConfig config;
    private final JourneyContexts contexts;
    private final StateMetrics metrics;
    private final MeterRegistry registry;
    private final String bootstrapServers;
    private final AtomicInteger consecutiveFailures = new AtomicInteger();
    private final AtomicInteger replacedThreads = new AtomicInteger();
    private final AtomicReference<String> lastFailure = new AtomicReference<>();
    private volatile KafkaStreams streams;
    private KafkaStreamsMetrics streamsMetrics;

    public JourneyStreams(StateConfig config, JourneyContexts contexts, StateMetrics metrics, MeterRegistry registry,
            @ConfigProperty(name = "kafka.bootstrap.servers", defaultValue = "localhost:9092") String bootstrapServers) {
        this.config = config;
        this.contexts = contexts;
        this.metrics = metrics;
        this.registry = registry;
        this.bootstrapServers = bootstrapServers;
    }

    void start(@Observes StartupEvent event) {
        KafkaStreams created = new KafkaStreams(JourneyTopology.build(TopologySettings.from(config), contexts, metrics),
                properties());
        created.setUncaughtExceptionHandler(failure -> {
            int failures = consecutiveFailures.incrementAndGet();
            lastFailure.set(failure.toString());
            replacedThreads.incrementAndGet();
            long backoff = Math.min(MAX_BACKOFF.toMillis(), 200L << Math.min(failures, 10));
            LOG.errorf(failure, "Stream thread failed (%d in a row); replacing it in %d ms", failures, backoff);
            sleep(backoff);
            return StreamThreadExceptionResponse.REPLACE_THREAD;
        });
        created.setStateListener((now, before) -> {
            LOG.infof("Kafka Streams %s -> %s", before, now);
            if (now == KafkaStreams.State.RUNNING) {
                consecutiveFailures.set(0);
            }
        });
        streamsMetrics = new KafkaStreamsMetrics(created);
        streamsMetrics.bindTo(registry);
        streams = created;
        created.start();
    }

    void stop(@Observes ShutdownEvent event) {
        KafkaStreams running = streams;
        if (running != null) {
            running.close(Duration.ofSeconds(30));
            if (config.streams().cleanUpOnStop()) {
                running.cleanUp();
            }
        }
        if (streamsMetrics != null) {
            streamsMetrics.close();
        }
    }

    Properties properties() {
        StateConfig.Streams settings = config.streams();
        Properties props = new Properties();
        props.put(StreamsConfig.APPLICATION_ID_CONFIG, settings.applicationId());
        props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        props.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, settings.processingGuarantee());
        props.put(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG, Long.toString(settings.commitInterval().toMillis()));
        props.put(StreamsConfig.NUM_STREAM_THREADS_CONFIG, Integer.toString(settings.threads()));
        props.put(StreamsConfig.NUM_STANDBY_REPLICAS_CONFIG, Integer.toString(settings.standbyReplicas()));
        props.put(StreamsConfig.STATESTORE_CACHE_MAX_BYTES_CONFIG, Long.toString(settings.cacheMaxBytes()));
        props.put(StreamsConfig.STATE_DIR_CONFIG, settings.stateDir()
                .orElse(Path.of(System.getProperty("java.io.tmpdir"), "tandem", settings.applicationId()).toString()));
        props.put(StreamsConfig.DEFAULT_KEY_SERDE_CLASS_CONFIG, Serdes.StringSerde.class.getName());
        props.put(StreamsConfig.DEFAULT_VALUE_SERDE_CLASS_CONFIG, Serdes.StringSerde.class.getName());
        props.put(StreamsConfig.ROCKSDB_CONFIG_SETTER_CLASS_CONFIG, BoundedRocksDbConfig.class.getName());
        props.put(BoundedRocksDbConfig.CACHE_MB, Integer.toString(settings.rocksdbCacheMb()));
        props.putAll(settings.config());
        return props;
    }

    /** The current state, or null before start. */
    public KafkaStreams.State state() {
        KafkaStreams running = streams;
        return running == null ? null : running.state();
    }

    public int replacedThreads() {
        return replacedThreads.get();
    }

    public int consecutiveFailures() {
        return consecutiveFailures.get();
    }

    public String lastFailure() {
        return lastFailure.get();
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
