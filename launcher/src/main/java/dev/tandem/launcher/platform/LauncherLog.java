package dev.tandem.launcher.platform;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Sends the launcher's own diagnostics (and the in-JVM Kafka broker's) to a file, so the console shows only
 * what {@code tandem} says to its user. Must run before the first logger is created: slf4j-simple reads its
 * configuration once.
 */
public final class LauncherLog {

    static final String LOG_FILE_PROPERTY = "org.slf4j.simpleLogger.logFile";

    private LauncherLog() {
    }

    public static void writeTo(Path file) {
        if (System.getProperty(LOG_FILE_PROPERTY) != null) {
            return; // the user chose
        }
        try {
            Files.createDirectories(file.getParent());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create " + file.getParent(), e);
        }
        System.setProperty(LOG_FILE_PROPERTY, file.toString());
    }
}
