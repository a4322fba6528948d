package dev.tandem.launcher.platform;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/** One running service: a child process whose console output goes to its log file. */
public final class ServiceProcess {

    private static final Duration GRACEFUL_STOP = Duration.ofSeconds(20);
    private static final Duration FORCED_STOP = Duration.ofSeconds(10);
    private static final int TAIL_BYTES = 16 * 1024;

    private final ServiceLaunch launch;
    private final Process process;

    private ServiceProcess(ServiceLaunch launch, Process process) {
        this.launch = launch;
        this.process = process;
    }

    /** Starts the service; its working directory is the data directory, so no stray files land in the checkout. */
    public static ServiceProcess start(ServiceLaunch launch, Path workingDirectory) {
        try {
            Files.createDirectories(launch.logFile().getParent());
            ProcessBuilder builder = new ProcessBuilder(launch.command())
                    .directory(workingDirectory.toFile())
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.to(launch.logFile().toFile()));
            builder.environment().putAll(launch.environment());
            return new ServiceProcess(launch, builder.start());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start " + launch.service().name(), e);
        }
    }

    public ServiceLaunch launch() {
        return launch;
    }

    public String name() {
        return launch.service().name();
    }

    public long pid() {
        return process.pid();
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    /** The exit code, once it has exited. */
    public int exitValue() {
        return process.exitValue();
    }

    public CompletableFuture<Process> onExit() {
        return process.onExit();
    }

    /** Asks the service to stop (SIGTERM: Quarkus shuts down gracefully); {@link #awaitStopped} finishes the job. */
    public void requestStop() {
        process.destroy();
    }

    /** Waits for a requested stop, then kills the process if it did not go in time. */
    public void awaitStopped() {
        awaitStopped(GRACEFUL_STOP);
    }

    void awaitStopped(Duration grace) {
        try {
            if (!process.waitFor(grace.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly();
                process.waitFor(FORCED_STOP.toMillis(), TimeUnit.MILLISECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }

    /** The last lines of its log, to explain a failure. */
    public List<String> logTail(int lines) {
        return tail(launch.logFile(), lines);
    }

    static List<String> tail(Path file, int lines) {
        if (!Files.isRegularFile(file)) {
            return List.of();
        }
        try (RandomAccessFile in = new RandomAccessFile(file.toFile(), "r")) {
            long start = Math.max(0, in.length() - TAIL_BYTES);
            byte[] bytes = new byte[(int) (in.length() - start)];
            in.seek(start);
            in.readFully(bytes);
            List<String> all = Arrays.asList(new String(bytes, StandardCharsets.UTF_8).split("\\R"));
            return all.subList(Math.max(0, all.size() - lines), all.size());
        } catch (IOException e) {
            return List.of("(cannot read " + file + ": " + e.getMessage() + ")");
        }
    }
}
