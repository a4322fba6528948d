package dev.tandem.launcher.bench;

import dev.tandem.events.Topics;
import dev.tandem.launcher.demo.TandemApi;
import dev.tandem.launcher.platform.LauncherLog;
import dev.tandem.launcher.platform.Platform;
import dev.tandem.launcher.platform.PlatformListener;
import dev.tandem.launcher.platform.PlatformSettings;
import dev.tandem.launcher.platform.RepositoryRoot;
import dev.tandem.launcher.platform.ServiceCatalog;
import dev.tandem.launcher.platform.StopSignals;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * End-to-end latency of the whole platform, started like a user's {@code tandem up} ({@link Platform}: the
 * infrastructure in this JVM, the four packaged services as processes with their default JVM options): an open-loop
 * sender posts touchpoints to journey-ingest at the offered rate (warm-up, then the measured window), a reader
 * pages through the sellers' account list, most recently touched first, until it counts each one
 * ({@link SellerViewReader}), journey-state's consumer lag is sampled every second, and each service's resident
 * memory is read at the end.
 */
public final class E2eBenchmark {

    /** Touchpoints per POST: small batches, as a tool forwarding events as they happen sends them. */
    public static final int DEFAULT_BATCH_SIZE = 10;
    /** How long after the sender stopped the seller view may take to show the last touchpoints. */
    static final Duration TAIL = Duration.ofSeconds(30);
    private static final Duration PROGRESS_INTERVAL = Duration.ofSeconds(5);

    /**
     * What to measure.
     *
     * @param rate          touchpoints per second offered
     * @param seconds       the measured window
     * @param warmupSeconds before it, at the same rate, not measured (the services' JIT, caches, connections)
     * @param accounts      accounts the touchpoints go to, in turn
     * @param batchSize     touchpoints per POST
     * @param serviceJvmOptions the services' JVM options; empty: tandem up's defaults
     */
    public record Spec(double rate, int seconds, int warmupSeconds, int accounts, int batchSize,
            List<String> serviceJvmOptions) {

        public Spec {
            serviceJvmOptions = List.copyOf(serviceJvmOptions);
            if (rate <= 0 || seconds < 2 || warmupSeconds < 0 || accounts < 1 || batchSize < 1) {
                throw new IllegalArgumentException("rate, accounts and batch size must be positive, the "
                        + "window at least 2 s and the warm-up not negative");
            }
        }
    }

    private E2eBenchmark() {
    }

    /** Runs the measurement; {@code listener} hears the platform start and stop. */
    public static E2eResult run(Spec spec, PrintWriter out, PlatformListener listener) throws Exception {
        Path root = RepositoryRoot.locate();
        Path data = Files.createTempDirectory("tandem-e2e-");
        LauncherLog.writeTo(data.resolve("logs").resolve("launcher.log"));
        out.printf("Logs in %s%n", data.resolve("logs"));
        // the services run as tandem up runs them unless told otherwise: with C2 as well, five JVMs on two cores
        // spent the first minutes compiling and fell behind; C1 alone kept up (docs/benchmarks.md, "What bounds it")
        PlatformSettings settings = spec.serviceJvmOptions().isEmpty() ? settings(root, data)
                : settings(root, data).withServiceJvmOptions(spec.serviceJvmOptions());
        out.printf("Machine: %d cores, Java %s; services with %s%n", Runtime.getRuntime().availableProcessors(),
                Runtime.version(), String.join(" ", settings.serviceJvmOptions()));
        out.flush();
        Platform platform = new Platform(settings, listener);
        StopSignals.stopOn(platform); // Ctrl-C: the services first, then the infrastructure
        try (platform) {
            platform.start();
            E2eResult result = measure(spec, platform, out);
            result.print(out);
            return result;
        }
    }

    private static E2eResult measure(Spec spec, Platform platform, PrintWriter out) throws InterruptedException {
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5)).build();
        TandemApi api = new TandemApi(http, platform.baseUri(ServiceCatalog.INGEST),
                platform.baseUri(ServiceCatalog.DESIGNER), platform.baseUri(ServiceCatalog.KPI),
                // authenticated like any tool and seller: the token is checked on every request
                platform.signingKey().token("bench", java.util.Set.of("ingest", "seller"), Duration.ofHours(2)));
        LatencyMatcher matcher = new LatencyMatcher();
        Duration warmup = Duration.ofSeconds(spec.warmupSeconds());
        Duration window = Duration.ofSeconds(spec.seconds());
        out.printf("%nOffering %,.0f touchpoints/s (%d per POST every %d ms) over %,d accounts: %d s warm-up, then %d s "
                + "measured; the seller view read most recently touched first, %d accounts a page, down to the oldest "
                + "touchpoint not shown yet, a round at most every %d ms%n", spec.rate(), spec.batchSize(),
                Math.round(spec.batchSize() * 1000 / spec.rate()), spec.accounts(), spec.warmupSeconds(),
                spec.seconds(), SellerViewReader.PAGE_SIZE, SellerViewReader.MIN_ROUND_MILLIS);
        out.flush();
        List<LagTrend.Sample> lagSamples = new CopyOnWriteArrayList<>();
        ScheduledExecutorService lagSampler = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread thread = new Thread(r, "tandem-e2e-lag");
            thread.setDaemon(true);
            return thread;
        });
        try (ConsumerLag lag = new ConsumerLag(platform.infrastructure().kafkaBootstrapServers());
                SellerViewReader reader = new SellerViewReader(api, matcher)) {
            OpenLoopSender sender = new OpenLoopSender(api,
                    new OpenLoopSender.Traffic(spec.rate(), spec.batchSize(), spec.accounts()),
                    matcher::accepted);
            long start = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(100);
            long windowStart = start + warmup.toNanos();
            long windowEnd = windowStart + window.toNanos();
            lagSampler.scheduleAtFixedRate(() -> sampleLag(lag, windowStart, lagSamples), 0, 1, TimeUnit.SECONDS);
            // CPU time of every process at the window's ends: what each touchpoint costs where
            Map<String, Map<String, Duration>> cpuAt = new java.util.concurrent.ConcurrentHashMap<>();
            lagSampler.schedule(() -> cpuAt.put("start", platform.cpuTimeByProcess()),
                    windowStart - System.nanoTime(), TimeUnit.NANOSECONDS);
            lagSampler.schedule(() -> cpuAt.put("end", platform.cpuTimeByProcess()),
                    windowEnd - System.nanoTime(), TimeUnit.NANOSECONDS);
            Thread sending = new Thread(() -> sender.run(start, warmup, window), "tandem-e2e-sender");
            sending.start();
            Progress progress = new Progress(out, sender, matcher, reader, lagSamples, start, windowStart, spec);
            while (sending.isAlive()) {
                sending.join(PROGRESS_INTERVAL.toMillis());
                progress.print();
            }
            Map<String, Long> resident = platform.residentMbByService();
            long tailEnd = System.nanoTime() + TAIL.toNanos();
            boolean answered = sender.awaitAnswers(TAIL);
            out.printf("Sender stopped: %,d touchpoints sent, %,d answered 202, %,d not%s; at most %d requests in "
                    + "flight, at most %d ms behind schedule%n", sender.sent(), sender.accepted(), sender.failed(),
                    sender.failed() > 0 ? " (first: " + sender.firstFailure() + ")" : "", sender.maxInFlight(),
                    sender.maxLate().toMillis());
            out.flush();
            if (!answered) {
                out.printf("! %d requests unanswered after %d s%n", sender.inFlight(), TAIL.toSeconds());
            }
            // the lag's drain is watched for DRAIN_SECONDS after the stop; the seller view gets the whole tail
            long drainWatch = windowEnd + TimeUnit.SECONDS.toNanos((long) LagTrend.DRAIN_SECONDS + 1);
            while (System.nanoTime() < tailEnd
                    && (matcher.unmatchedMeasured() > 0 || System.nanoTime() < drainWatch)) {
                TimeUnit.MILLISECONDS.sleep(200);
            }
            lagSampler.shutdownNow();
            reader.close(); // no read may land between the latencies and the touchpoints not shown
            mergeMax(resident, platform.residentMbByService());
            CpuUse cpu = CpuUse.between(cpuAt.getOrDefault("start", Map.of()), cpuAt.getOrDefault("end", Map.of()),
                    window, Math.round(spec.rate() * spec.seconds()));
            return result(spec, sender, matcher, lagSamples, resident, cpu);
        } finally {
            lagSampler.shutdownNow();
        }
    }

    private static E2eResult result(Spec spec, OpenLoopSender sender, LatencyMatcher matcher,
            List<LagTrend.Sample> lagSamples, Map<String, Long> resident, CpuUse cpu) {
        long end = System.nanoTime();
        List<Long> upper = new ArrayList<>();
        List<Long> lower = new ArrayList<>();
        List<Long> uncertainty = new ArrayList<>();
        for (LatencyMatcher.Sample sample : matcher.samples()) {
            if (sample.measured()) {
                upper.add(sample.latency());
                lower.add(sample.lowerBound());
                uncertainty.add(sample.uncertainty());
            }
        }
        // not shown by the end: their latency is at least the time waited since their 202
        List<Long> waited = matcher.unmatchedMeasuredSince(end);
        upper.addAll(waited);
        lower.addAll(waited);
        return new E2eResult(spec.rate(), sender.achievedRate(),
                spec.seconds(), spec.warmupSeconds(), spec.accounts(), Percentiles.of(toArray(upper)),
                Percentiles.of(toArray(lower)), Percentiles.of(toArray(uncertainty)), waited.size(), sender.failed(),
                LagTrend.judge(lagSamples, spec.seconds(), spec.rate()), resident, cpu);
    }

    private static void sampleLag(ConsumerLag lag, long windowStart, List<LagTrend.Sample> samples) {
        try {
            long lagNow = lag.progress(ConsumerLag.STATE_GROUP, Topics.TOUCHPOINTS).lag();
            samples.add(new LagTrend.Sample((System.nanoTime() - windowStart) / 1e9, lagNow));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            // a sample missed; the next comes in a second
        }
    }

    static void mergeMax(Map<String, Long> into, Map<String, Long> more) {
        more.forEach((service, mb) -> into.merge(service, mb, Math::max));
    }

    private static long[] toArray(List<Long> values) {
        return values.stream().mapToLong(Long::longValue).toArray();
    }

    private static PlatformSettings settings(Path root, Path data) {
        PlatformSettings settings = PlatformSettings.defaults(root).withDataDirectory(data)
                .withReadyTimeout(Duration.ofMinutes(4));
        return settings.withPorts(freePorts(2 * ServiceCatalog.all().size()));
    }

    /** Ports nobody listens on (held open together, so none is handed out twice): a running tandem up is left be. */
    private static List<Integer> freePorts(int count) {
        List<ServerSocket> sockets = new ArrayList<>();
        try {
            for (int i = 0; i < count; i++) {
                sockets.add(new ServerSocket(0));
            }
            return sockets.stream().map(ServerSocket::getLocalPort).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            for (ServerSocket socket : sockets) {
                try {
                    socket.close();
                } catch (IOException ignored) {
                    // a probe socket
                }
            }
        }
    }

    /** One line every few seconds while the sender runs. */
    private record Progress(PrintWriter out, OpenLoopSender sender, LatencyMatcher matcher, SellerViewReader reader,
            List<LagTrend.Sample> lagSamples, long start, long windowStart, Spec spec) {

        void print() {
            long now = System.nanoTime();
            boolean measuring = now >= windowStart;
            String phase = measuring
                    ? String.format("measured %2d/%d s", Math.min(spec.seconds(), (now - windowStart) / 1_000_000_000L),
                            spec.seconds())
                    : String.format("warm-up  %2d/%d s", (now - start) / 1_000_000_000L, spec.warmupSeconds());
            long lag = lagSamples.isEmpty() ? -1 : lagSamples.get(lagSamples.size() - 1).lag();
            String latency = "";
            if (measuring) {
                long[] sofar = matcher.samples().stream().filter(LatencyMatcher.Sample::measured)
                        .mapToLong(LatencyMatcher.Sample::latency).toArray();
                Percentiles.Summary summary = Percentiles.of(sofar);
                latency = summary.count() == 0 ? ", none of the window's shown yet"
                        : String.format(", p50 %d ms, p99 %d ms so far (%,d shown)", E2eResult.millis(summary.p50()),
                                E2eResult.millis(summary.p99()), summary.count());
            }
            out.printf("  %s: %,d sent, %,d answered 202, %d in flight; journey-state lag %,d; seller view behind on "
                    + "%d accounts (%,d pages read, %.1f ms each)%s%n", phase, sender.sent(), sender.accepted(),
                    sender.inFlight(), lag, matcher.outstandingAccounts(), reader.pages(), reader.meanPageMillis(),
                    latency);
            out.flush();
        }
    }
}
