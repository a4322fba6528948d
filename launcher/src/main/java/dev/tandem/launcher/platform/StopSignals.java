package dev.tandem.launcher.platform;

import java.util.List;
import sun.misc.Signal;

/**
 * Makes Ctrl-C (SIGINT) and SIGTERM stop the platform in order <em>before</em> the JVM's shutdown begins.
 *
 * <p>Why not a shutdown hook alone: the JVM runs all hooks at once, and the in-JVM infrastructure brings hooks
 * of its own (Kafka deletes its temporary log directory, embedded PostgreSQL stops its server). They would tear the
 * infrastructure down under services still shutting down, and the Kafka broker halts the JVM when its log
 * directory vanishes, cutting the launcher's own stop short and leaving services behind. A second signal quits
 * at once.
 */
public final class StopSignals {

    private static final List<String> SIGNALS = List.of("INT", "TERM");

    private StopSignals() {
    }

    public static void stopOn(Platform platform) {
        for (String name : SIGNALS) {
            Signal.handle(new Signal(name), signal -> new Thread(() -> {
                platform.close(); // idempotent: on a second signal it returns at once
                System.exit(128 + signal.getNumber());
            }, "tandem-stop-on-SIG" + name).start());
        }
    }
}
