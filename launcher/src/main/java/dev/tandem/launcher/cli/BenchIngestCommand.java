package dev.tandem.launcher.cli;

import dev.tandem.launcher.bench.IngestBenchmark;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** HTTP ingest's rate against Kafka's own producer on the same broker. */
@Command(name = "ingest", mixinStandardHelpOptions = true,
        description = "Starts journey-ingest, posts batches of touchpoints as fast as it answers, then runs Kafka's "
                + "ProducerPerformance on the same broker with records of the size ingest wrote, and reports "
                + "ingestEventsPerSec, kafkaProducerRecordsPerSec and their ratio.")
final class BenchIngestCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Option(names = "--seconds", defaultValue = "30", description = "Measured seconds (default ${DEFAULT-VALUE}).")
    int seconds;

    @Option(names = "--warmup", defaultValue = "30", description = "Least warm-up seconds (default "
            + "${DEFAULT-VALUE}); the load then goes on until journey-ingest's JIT compiler threads are quiet (under "
            + "5% of a core for 10 s), at most --max-warmup. On two cores that took 60 to 120 s.")
    int warmup;

    @Option(names = "--max-warmup", defaultValue = "180",
            description = "Most warm-up seconds (default ${DEFAULT-VALUE}).")
    int maxWarmup;

    @Option(names = "--in-flight", defaultValue = "8",
            description = "Requests in flight at once (default ${DEFAULT-VALUE}).")
    int inFlight;

    @Option(names = "--kafka-records", defaultValue = "1000000",
            description = "Records ProducerPerformance sends (default ${DEFAULT-VALUE}).")
    long kafkaRecords;

    @Option(names = "--jvm-option", paramLabel = "OPTION",
            description = "Extra JVM option for journey-ingest (repeatable), e.g. a JFR recording.")
    List<String> jvmOptions = new ArrayList<>();

    @Override
    public Integer call() throws Exception {
        IngestBenchmark.run(spec(seconds, warmup, maxWarmup, inFlight, kafkaRecords, jvmOptions), spec.commandLine().getOut());
        return 0;
    }

    static IngestBenchmark.Spec spec(int seconds, int warmup, int maxWarmup, int inFlight, long kafkaRecords,
            List<String> jvm) {
        return new IngestBenchmark.Spec(seconds, warmup, maxWarmup, 100, inFlight, 1000, kafkaRecords, jvm);
    }
}
