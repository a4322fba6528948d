package dev.tandem.kpi.dashboard;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.jboss.logging.Logger;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.logging.LogType;

/**
 * What a failed browser test leaves behind to be understood without running it again (in CI above all): a
 * screenshot under {@code target/browser-tests/} and the page's console messages in the log.
 *
 * <p>A test runs its body through {@link #onFailure} rather than a JUnit {@code TestWatcher}: a watcher registered on
 * a static field makes JUnit initialise the test class outside Quarkus' class loader (starting the shared Kafka there
 * fails), and one on an instance field would see another copy of the static driver.
 */
final class BrowserEvidence {

    private static final Logger LOG = Logger.getLogger(BrowserEvidence.class);
    private static final Path DIRECTORY = Path.of("target", "browser-tests");

    private BrowserEvidence() {
    }

    /** Runs {@code test}; if it fails, keeps the browser's state under {@code name} and fails the same way. */
    static void onFailure(ChromeDriver driver, String name, Runnable test) {
        try {
            test.run();
        } catch (RuntimeException | Error failure) {
            keep(driver, name);
            throw failure;
        }
    }

    private static void keep(ChromeDriver driver, String name) {
        String file = name.replaceAll("[^A-Za-z0-9_.-]", "");
        try {
            Files.createDirectories(DIRECTORY);
            Path screenshot = DIRECTORY.resolve(file + ".png");
            Files.write(screenshot, driver.getScreenshotAs(OutputType.BYTES));
            LOG.errorf("%s failed on %s; screenshot: %s", name, driver.getCurrentUrl(), screenshot.toAbsolutePath());
            driver.manage().logs().get(LogType.BROWSER)
                    .forEach(entry -> LOG.errorf("browser console: %s %s", entry.getLevel(), entry.getMessage()));
        } catch (IOException | WebDriverException e) {
            LOG.warnf(e, "Could not keep the browser's state after %s failed", name);
        }
    }
}
