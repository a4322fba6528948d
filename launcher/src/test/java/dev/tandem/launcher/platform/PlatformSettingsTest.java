package dev.tandem.launcher.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class PlatformSettingsTest {

    private static final Path ROOT = Path.of("/repo");

    @Test
    void defaultsAreTheDocumentedPortsAndDotTandemUnderTheRoot() {
        PlatformSettings settings = PlatformSettings.defaults(ROOT);
        assertThat(settings.portOf(ServiceCatalog.INGEST)).isEqualTo(8081);
        assertThat(settings.portOf(ServiceCatalog.KPI)).isEqualTo(8084);
        assertThat(settings.managementPortOf(ServiceCatalog.INGEST)).isEqualTo(9081);
        assertThat(settings.managementPortOf(ServiceCatalog.KPI)).isEqualTo(9084);
        assertThat(settings.dataDirectory()).isEqualTo(Path.of("/repo/.tandem"));
        assertThat(settings.readyTimeout()).isEqualTo(Duration.ofMinutes(3));
    }

    @Test
    void refusesTwoServicesOnOnePort() {
        assertThatThrownBy(() -> PlatformSettings.defaults(ROOT).withPort(ServiceCatalog.KPI, 8081))
                .hasMessageContaining("port of its own");
    }

    @Test
    void refusesAManagementPortAnotherServiceListensOn() {
        assertThatThrownBy(() -> PlatformSettings.defaults(ROOT).withManagementPort(ServiceCatalog.KPI, 8083))
                .hasMessageContaining("port of its own");
        assertThatThrownBy(() -> PlatformSettings.defaults(ROOT).withPorts(java.util.List.of(1, 2, 3)))
                .hasMessageContaining("two ports per service");
    }

    @Test
    void refusesPortsOutOfRange() {
        assertThatThrownBy(() -> PlatformSettings.defaults(ROOT).withPort(ServiceCatalog.KPI, 70000))
                .hasMessageContaining("kpi-projector");
    }
}
