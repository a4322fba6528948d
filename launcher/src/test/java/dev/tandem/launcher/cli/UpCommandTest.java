package dev.tandem.launcher.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tandem.launcher.platform.PlatformSettings;
import dev.tandem.launcher.platform.ServiceCatalog;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class UpCommandTest {

    private static final Path ROOT = Path.of("/repo");

    @Test
    void upOptionsBecomeSettings() {
        UpCommand up = new UpCommand();
        new CommandLine(up).parseArgs("--ingest-port", "9081", "--kpi-port=9084", "--data-dir", "run/tandem",
                "--ready-timeout", "60", "--demo");

        PlatformSettings settings = up.settings(ROOT);

        assertThat(up.demo).isTrue();
        assertThat(settings.portOf(ServiceCatalog.INGEST)).isEqualTo(9081);
        assertThat(settings.portOf(ServiceCatalog.STATE)).isEqualTo(8082);
        assertThat(settings.portOf(ServiceCatalog.KPI)).isEqualTo(9084);
        assertThat(settings.managementPortOf(ServiceCatalog.INGEST)).isEqualTo(10081);
        assertThat(settings.managementPortOf(ServiceCatalog.STATE)).isEqualTo(9082);
        assertThat(settings.dataDirectory()).isEqualTo(Path.of("/repo/run/tandem"));
        assertThat(settings.logFileOf(ServiceCatalog.STATE)).isEqualTo(Path.of("/repo/run/tandem/logs/journey-state.log"));
        assertThat(settings.readyTimeout()).isEqualTo(Duration.ofSeconds(60));
    }

    @Test
    void anAbsoluteDataDirectoryIsKept() {
        UpCommand up = new UpCommand();
        new CommandLine(up).parseArgs("--data-dir", "/tmp/tandem-data");
        assertThat(up.settings(ROOT).dataDirectory()).isEqualTo(Path.of("/tmp/tandem-data"));
    }
}
