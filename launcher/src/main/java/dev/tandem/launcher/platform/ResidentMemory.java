package dev.tandem.launcher.platform;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** A process's resident memory (heap, metaspace, code, native allocations such as RocksDB), from Linux's /proc. */
public final class ResidentMemory {

    private ResidentMemory() {
    }

    /** {@code VmRSS} of the process in MiB, or -1 where it cannot be read (not Linux, process gone). */
    public static long ofProcessMb(long pid) {
        try {
            return vmRssMb(Files.readAllLines(Path.of("/proc", Long.toString(pid), "status")));
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }

    /** The {@code VmRSS:} line of a {@code /proc/<pid>/status} ({@code "VmRSS:   123456 kB"}) in MiB; -1 if none. */
    static long vmRssMb(List<String> statusLines) {
        for (String line : statusLines) {
            if (line.startsWith("VmRSS:")) {
                return Long.parseLong(line.replaceAll("[^0-9]", "")) / 1024;
            }
        }
        return -1;
    }
}
