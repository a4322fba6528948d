package dev.tandem.launcher.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.OptionalLong;
import java.util.stream.Stream;

/**
 * CPU time the JIT compiler threads of a JVM have used, from Linux's /proc: a measured window in which they are
 * still busy measures a JVM that is still warming up (on two cores, C2 went on compiling journey-ingest for about
 * 50 s under load), and takes their CPU from the code being measured.
 */
final class CompilerThreads {

    private static final long TICKS_PER_SECOND = 100; // USER_HZ, 100 on every Linux that Tandem runs on

    private CompilerThreads() {
    }

    /** Clock ticks (1/100 s) the process's "C1/C2 CompilerThread" threads used so far; empty where unknown. */
    static OptionalLong ticks(long pid) {
        Path tasks = Path.of("/proc", Long.toString(pid), "task");
        if (!Files.isDirectory(tasks)) {
            return OptionalLong.empty();
        }
        try (Stream<Path> threads = Files.list(tasks)) {
            return OptionalLong.of(threads.mapToLong(CompilerThreads::compilerTicks).sum());
        } catch (IOException | RuntimeException e) {
            return OptionalLong.empty(); // a process that ended, or no /proc: the figure is left out
        }
    }

    /** The share of a window of {@code wall} that the compiler threads were busy, from two readings. */
    static double share(OptionalLong before, OptionalLong after, Duration wall) {
        if (before.isEmpty() || after.isEmpty() || wall.isZero()) {
            return Double.NaN;
        }
        double busySeconds = (after.getAsLong() - before.getAsLong()) / (double) TICKS_PER_SECOND;
        return busySeconds / (wall.toNanos() / 1e9);
    }

    /** utime + stime of one thread whose name says it is a JIT compiler thread; 0 for any other. */
    static long compilerTicks(Path thread) {
        try {
            String stat = Files.readString(thread.resolve("stat"));
            return compilerTicksOf(stat);
        } catch (IOException e) {
            return 0; // the thread ended meanwhile
        }
    }

    /** From a {@code /proc/<pid>/task/<tid>/stat} line: the name sits in parentheses and may hold spaces. */
    static long compilerTicksOf(String stat) {
        int open = stat.indexOf('(');
        int close = stat.lastIndexOf(')');
        String name = stat.substring(open + 1, close);
        if (!name.contains("CompilerThre")) {
            return 0;
        }
        String[] fields = stat.substring(close + 2).split(" ");
        // after the name: state is field 3 of stat(5), so utime (14) and stime (15) are at 11 and 12 here
        return Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
    }
}
