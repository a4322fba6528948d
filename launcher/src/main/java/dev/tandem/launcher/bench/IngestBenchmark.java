package dev.tandem.launcher.bench;

import dev.tandem.events.Topics;
import dev.tandem.events.TouchpointInput;
import dev.tandem.launcher.demo.TandemApi;
import dev.tandem.launcher.platform.RepositoryRoot;
import dev.tandem.launcher.platform.ServiceCatalog;
import java.io.PrintWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/**
 * HTTP ingest against Kafka's own producer, on one broker and the same two cores, in one run: journey-ingest as its
 * own process takes batches of 100 touchpoints (with contacts: validated, pseudonymised, sealed, published with
 * acks=all before each answer) from a few senders at once, as fast as it answers; then Kafka's
 * {@code ProducerPerformance} sends records of the size ingest's touchpoint records had, with the producer settings
 * ingest uses (acks=all, idempotence, linger 5 ms), to a topic laid out like the touchpoint topic. The ratio says
 * what ingest makes of what the broker could take.
 */
public final class IngestBenchmark {

    /** What to measure. */
    public record Spec(int seconds, int warmupSeconds, int maxWarmupSeconds, int batchSize, int inFlight,
            int accounts, long kafkaRecords, List<String> jvmOptions) {
    }

    /** What was measured. */
    public record Result(long ingestEventsPerSec, long kafkaProducerRecordsPerSec, double ratio, int recordBytes,
            int batchSize, long ingested, double seconds, long failedRequests, Map<String, Long> cpuMicros) {

        public Map<String, Object> figures() {
            Map<String, Object> figures = new LinkedHashMap<>();
            figures.put("ingestEventsPerSec", ingestEventsPerSec);
            figures.put("kafkaProducerRecordsPerSec", kafkaProducerRecordsPerSec);
            figures.put("ingestToKafkaRatio", ratio);
            figures.put("ingestRecordBytes", recordBytes);
            figures.put("ingestBatchSize", batchSize);
            figures.put("ingestCpuMicrosPerTouchpoint", cpuMicros);
            return figures;
        }
    }

    private static final String TENANT = "bench";
    private static final int WARMUP_SLICE_SECONDS = 10;
    private static final double SETTLED_JIT_SHARE = 0.05;
    private static final String PERF_TOPIC = "tandem.bench.producer-performance";
    private static final Pattern SUMMARY = Pattern.compile("(\\d+) records sent, ([\\d.]+) records/sec");

    private IngestBenchmark() {
    }

    public static Result run(Spec spec, PrintWriter out) throws Exception {
        Path root = RepositoryRoot.locate();
        Path data = ServiceRig.benchDataDirectory(out);
        // the collector the image runs it with (run-java.sh's ParallelGC), not the JVM's default G1
        List<String> jvm = ServiceRig.jvmOptions("512m", "-XX:+UseParallelGC", spec.jvmOptions());
        try (ServiceRig rig = ServiceRig.start(root, data, jvm, ServiceCatalog.INGEST)) {
            // the tenant's rate limit would measure itself, not ingest
            long ingestPid = rig.startService(ServiceCatalog.INGEST, List.of(
                    "tandem.ingest.rate-limit.touchpoints-per-second=1000000000",
                    "tandem.ingest.rate-limit.burst=1000000000")).pid();
            URI ingest = rig.baseUri(ServiceCatalog.INGEST);
            String token = rig.signingKey().token(TENANT, "bench", Set.of("ingest"), Duration.ofHours(1));
            HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
            Load load = new Load(new TandemApi(http, ingest, ingest, ingest, token), spec);
            out.printf("HTTP ingest: batches of %d, %d requests in flight, warm-up of %d to %d s (until the JIT "
                    + "settles), %d s measured; %s%n", spec.batchSize(), spec.inFlight(), spec.warmupSeconds(),
                    spec.maxWarmupSeconds(), spec.seconds(), String.join(" ", jvm));
            out.flush();
            load.start();
            long warmedUp = warmUp(ingestPid, spec);
            out.printf("Warmed up for %d s%n", warmedUp);
            long before = load.accepted.get();
            Map<String, Duration> cpuBefore = cpuTimes(ingestPid);
            OptionalLong jitBefore = CompilerThreads.ticks(ingestPid);
            long start = System.nanoTime();
            Thread.sleep(spec.seconds() * 1000L);
            long ingested = load.accepted.get() - before;
            double seconds = (System.nanoTime() - start) / 1e9;
            Map<String, Long> cpu = CpuUse.microsPerTouchpoint(cpuBefore, cpuTimes(ingestPid), ingested);
            double jitShare = CompilerThreads.share(jitBefore, CompilerThreads.ticks(ingestPid),
                    Duration.ofNanos(System.nanoTime() - start));
            load.stop();
            long ingestRate = Math.round(ingested / seconds);
            out.printf("HTTP ingest: %,d touchpoints accepted in %.1f s = %,d touchpoints/s (%d failed requests%s)%n",
                    ingested, seconds, ingestRate, load.failed.get(), load.firstFailure.get() == null ? ""
                            : "; the first: " + load.firstFailure.get());
            out.printf("CPU per touchpoint accepted: %s µs%n", cpu);
            if (!Double.isNaN(jitShare)) {
                // still compiling: the warm-up was too short for the figure to be the service's steady rate
                out.printf("journey-ingest's JIT compiler threads were busy %.0f%% of a core in the window%s%n",
                        jitShare * 100, jitShare > SETTLED_JIT_SHARE ? " (still warming up: a longer --max-warmup gives "
                                + "its steady rate)" : "");
            }
            out.flush();

            int recordBytes = averageRecordBytes(rig.bootstrapServers());
            long kafkaRate = producerPerformance(rig.bootstrapServers(), recordBytes, spec.kafkaRecords(), out);
            double ratio = Math.round(ingestRate * 1000.0 / Math.max(1, kafkaRate)) / 1000.0;
            out.printf("Kafka's producer: %,d records/s of %d bytes; ingest/Kafka = %.3f%n", kafkaRate, recordBytes,
                    ratio);
            out.flush();
            return new Result(ingestRate, kafkaRate, ratio, recordBytes, spec.batchSize(), ingested,
                    Math.round(seconds * 10) / 10.0, load.failed.get(), cpu);
        }
    }

    /**
     * Senders that each post a batch, wait for its answer and post the next, until stopped. Every touchpoint is
     * new and valid, so a 202 means the whole batch was accepted.
     */
    private static final class Load {
        private final TandemApi api;
        private final Spec spec;
        private final AtomicLong next = new AtomicLong();
        private final AtomicLong accepted = new AtomicLong();
        private final AtomicLong failed = new AtomicLong();
        private final AtomicBoolean running = new AtomicBoolean(true);
        private final AtomicReference<String> firstFailure = new AtomicReference<>();
        private final List<CompletableFuture<Void>> senders = new ArrayList<>();

        Load(TandemApi api, Spec spec) {
            this.api = api;
            this.spec = spec;
        }

        void start() {
            for (int i = 0; i < spec.inFlight(); i++) {
                senders.add(send());
            }
        }

        private CompletableFuture<Void> send() {
            if (!running.get()) {
                return CompletableFuture.completedFuture(null);
            }
            long first = next.getAndAdd(spec.batchSize());
            Instant now = Instant.now();
            List<TouchpointInput> batch = new ArrayList<>(spec.batchSize());
            for (long i = first; i < first + spec.batchSize(); i++) {
                batch.add(TouchpointMix.live(i, spec.accounts(), now));
            }
            return api.postTouchpointsAsync(batch).handle((status, error) -> {
                if (error == null && status == 202) {
                    accepted.addAndGet(batch.size());
                } else {
                    failed.incrementAndGet();
                    firstFailure.compareAndSet(null, error != null ? error.toString() : "status " + status);
                }
                return null;
            }).thenCompose(ignored -> send());
        }

        void stop() {
            running.set(false);
            senders.forEach(CompletableFuture::join);
        }
    }

    /**
     * Load runs at least the warm-up's seconds and then until journey-ingest's JIT compiler threads were busy less
     * than {@value #SETTLED_JIT_SHARE} of a core over a slice of {@value #WARMUP_SLICE_SECONDS} s, at most the
     * maximum: a JVM still compiling is not yet running the code it will run. Without /proc, the minimum.
     *
     * @return the seconds it took
     */
    private static long warmUp(long pid, Spec spec) throws InterruptedException {
        long start = System.nanoTime();
        Thread.sleep(spec.warmupSeconds() * 1000L);
        while (true) {
            long elapsed = (System.nanoTime() - start) / 1_000_000_000L;
            if (elapsed + WARMUP_SLICE_SECONDS > spec.maxWarmupSeconds()) {
                return elapsed;
            }
            OptionalLong before = CompilerThreads.ticks(pid);
            long sliceStart = System.nanoTime();
            Thread.sleep(WARMUP_SLICE_SECONDS * 1000L);
            double share = CompilerThreads.share(before, CompilerThreads.ticks(pid),
                    Duration.ofNanos(System.nanoTime() - sliceStart));
            if (Double.isNaN(share) || share < SETTLED_JIT_SHARE) {
                return (System.nanoTime() - start) / 1_000_000_000L;
            }
        }
    }

    /** CPU time so far of journey-ingest and of this JVM (the broker and the load). */
    private static Map<String, Duration> cpuTimes(long ingestPid) {
        return CpuUse.serviceAndLauncher(ServiceCatalog.INGEST.name(), ingestPid, "launcher (broker, load)");
    }

    /** The mean size of the values of the latest touchpoint records ingest wrote. */
    private static int averageRecordBytes(String bootstrapServers) {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(props, new ByteArrayDeserializer(),
                new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(Topics.TOUCHPOINTS).stream()
                    .map(info -> new TopicPartition(info.topic(), info.partition())).toList();
            consumer.assign(partitions);
            Map<TopicPartition, Long> ends = consumer.endOffsets(partitions);
            ends.forEach((partition, end) -> consumer.seek(partition, Math.max(0, end - 1000)));
            long bytes = 0;
            long count = 0;
            long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
            while (count < 1000 * partitions.size() && System.nanoTime() < deadline) {
                for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(500))) {
                    bytes += record.value() == null ? 0 : record.value().length;
                    count++;
                }
                if (partitions.stream().allMatch(p -> consumer.position(p) >= ends.get(p))) {
                    break;
                }
            }
            return (int) Math.max(100, bytes / Math.max(1, count));
        }
    }

    /** Runs Kafka's {@code ProducerPerformance} as a process of its own; answers its records per second. */
    private static long producerPerformance(String bootstrapServers, int recordBytes, long records, PrintWriter out)
            throws Exception {
        Properties admin = new Properties();
        admin.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        try (Admin client = Admin.create(admin)) {
            client.createTopics(List.of(new NewTopic(PERF_TOPIC, Topics.KEYED_PARTITIONS, (short) 1))).all().get();
        }
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx512m",
                "-cp", System.getProperty("java.class.path"), "org.apache.kafka.tools.ProducerPerformance",
                "--topic", PERF_TOPIC, "--num-records", Long.toString(records),
                "--record-size", Integer.toString(recordBytes), "--throughput", "-1",
                "--producer-props", "bootstrap.servers=" + bootstrapServers, "acks=all", "enable.idempotence=true",
                "linger.ms=5", "max.in.flight.requests.per.connection=5"));
        out.printf("Kafka's ProducerPerformance: %,d records of %d bytes, acks=all, idempotent, linger 5 ms%n",
                records, recordBytes);
        out.flush();
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes());
        int exit = process.waitFor();
        Matcher summary = null;
        for (String line : output.lines().toList()) {
            Matcher matcher = SUMMARY.matcher(line);
            if (matcher.find()) {
                summary = matcher; // the last one is the total; the others are progress
            }
        }
        if (exit != 0 || summary == null) {
            throw new IllegalStateException("ProducerPerformance failed (exit " + exit + "): " + output);
        }
        return Math.round(Double.parseDouble(summary.group(2)));
    }
}
