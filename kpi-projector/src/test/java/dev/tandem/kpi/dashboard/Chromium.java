package dev.tandem.kpi.dashboard;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.jboss.logging.Logger;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogType;

/**
 * Debian's Chromium and its ChromeDriver for browser tests. CI starts from a clean machine without them, and a
 * browser test that skips itself there would prove nothing, so the first test that needs them installs them with
 * apt-get (as root, which CI and these machines are); a machine where that fails fails the test, saying why.
 */
final class Chromium {

    static final Path BROWSER = Path.of("/usr/bin/chromium");
    static final Path DRIVER = Path.of("/usr/bin/chromedriver");

    private static final Logger LOG = Logger.getLogger(Chromium.class);
    private static final List<String> PACKAGES = List.of("chromium", "chromium-driver");
    /** Lines of apt's output kept for a failure's message (all of it is logged). */
    private static final int TAIL = 30;

    private Chromium() {
    }

    /** Installs Debian's chromium and chromium-driver unless both are there already. */
    static synchronized void ensureInstalled() {
        if (Files.isExecutable(BROWSER) && Files.isExecutable(DRIVER)) {
            return;
        }
        LOG.infof("%s or %s is missing: installing Debian's %s with apt-get", BROWSER, DRIVER, PACKAGES);
        long started = System.nanoTime();
        apt(Duration.ofMinutes(5), List.of("apt-get", "update"));
        List<String> install = new ArrayList<>(List.of("apt-get", "install", "-y", "--no-install-recommends",
                // wait for a dpkg lock that another apt (unattended upgrades) holds, instead of failing at once
                "-o", "DPkg::Lock::Timeout=120"));
        install.addAll(PACKAGES);
        apt(Duration.ofMinutes(15), install);
        if (!Files.isExecutable(BROWSER) || !Files.isExecutable(DRIVER)) {
            throw new IllegalStateException("apt-get installed " + PACKAGES + " but " + BROWSER + " or " + DRIVER
                    + " is still missing");
        }
        LOG.infof("Installed %s in %d s", PACKAGES, Duration.ofNanos(System.nanoTime() - started).toSeconds());
    }

    /**
     * A headless Chromium with a profile of its own in {@code profile} (a fresh, empty directory), with the flags
     * this machine needs: no sandbox (root), no GPU, and none of the background connections to Google's services
     * that the closed network refuses.
     */
    static ChromeDriver start(Path profile) {
        ensureInstalled();
        ChromeOptions options = new ChromeOptions();
        options.setBinary(BROWSER.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--disable-dev-shm-usage", "--window-size=1400,2400", "--user-data-dir=" + profile.toAbsolutePath());
        // the page's console messages, for BrowserEvidence
        options.setCapability("goog:loggingPrefs", Map.of(LogType.BROWSER, "ALL"));
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(DRIVER.toFile())
                .usingAnyFreePort()
                .build();
        return new ChromeDriver(service, options);
    }

    private static void apt(Duration timeout, List<String> command) {
        String line = String.join(" ", command);
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().put("DEBIAN_FRONTEND", "noninteractive");
        Process process;
        try {
            process = builder.start();
        } catch (IOException e) {
            throw new IllegalStateException(failure(line, "could not start (" + e.getMessage() + ")", List.of()), e);
        }
        Deque<String> tail = new ArrayDeque<>();
        Thread output = new Thread(() -> log(process, tail), "apt-output");
        output.setDaemon(true);
        output.start();
        try {
            if (!process.waitFor(timeout.toSeconds(), TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IllegalStateException(failure(line, "did not finish within " + timeout, snapshot(tail)));
            }
            output.join(TimeUnit.SECONDS.toMillis(10));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
            throw new IllegalStateException("interrupted while running " + line, e);
        }
        if (process.exitValue() != 0) {
            throw new IllegalStateException(failure(line, "exited with " + process.exitValue(), snapshot(tail)));
        }
    }

    private static void log(Process process, Deque<String> tail) {
        try (BufferedReader reader = process.inputReader()) {
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                LOG.infof("apt: %s", line);
                synchronized (tail) {
                    tail.addLast(line);
                    if (tail.size() > TAIL) {
                        tail.removeFirst();
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("could not read apt-get's output", e);
        }
    }

    private static List<String> snapshot(Deque<String> tail) {
        synchronized (tail) {
            return List.copyOf(tail);
        }
    }

    private static String failure(String command, String what, List<String> lastLines) {
        return "The dashboard's browser test needs Debian's " + PACKAGES + " (" + BROWSER + ", " + DRIVER + "), "
                + "and installing them failed: `" + command + "` " + what + ". Install them as root "
                + "(apt-get update && apt-get install -y chromium chromium-driver) and run the tests again."
                + (lastLines.isEmpty() ? "" : "\nLast lines of its output:\n" + String.join("\n", lastLines));
    }
}
