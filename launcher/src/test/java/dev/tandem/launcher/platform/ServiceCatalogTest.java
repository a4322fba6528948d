package dev.tandem.launcher.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tandem.infra.LocalInfrastructure;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ServiceCatalogTest {

    @Test
    void listsTheFourServicesOnTheDocumentedPorts() {
        assertThat(ServiceCatalog.all())
                .extracting(ServiceDefinition::name, ServiceDefinition::defaultPort)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("journey-ingest", 8081),
                        org.assertj.core.groups.Tuple.tuple("journey-state", 8082),
                        org.assertj.core.groups.Tuple.tuple("interaction-designer-api", 8083),
                        org.assertj.core.groups.Tuple.tuple("kpi-projector", 8084));
    }

    @Test
    void eachServiceIsAModuleOfTheReactorAndPackagesToTheQuarkusFastJar() throws Exception {
        Path root = RepositoryRoot.locate();
        String parentPom = Files.readString(root.resolve("pom.xml"));
        for (ServiceDefinition service : ServiceCatalog.all()) {
            assertThat(parentPom).contains("<module>" + service.module() + "</module>");
            assertThat(service.packagedApplication(root))
                    .isEqualTo(root.resolve(service.module() + "/target/quarkus-app/quarkus-run.jar"));
        }
    }

    @Test
    void databasesAreThoseTheLocalInfrastructureCreates() {
        assertThat(ServiceCatalog.STATE.database()).as("journey-state keeps its state in Kafka Streams stores").isEmpty();
        assertThat(ServiceCatalog.DESIGNER.database()).contains("designer");
        assertThat(ServiceCatalog.INGEST.database()).as("API keys of sending systems").contains("ingest");
        assertThat(ServiceCatalog.KPI.database()).isEmpty();
        ServiceCatalog.all().stream().map(ServiceDefinition::database).flatMap(Optional::stream)
                .forEach(db -> assertThat(LocalInfrastructure.POSTGRES_DATABASES).contains(db));
    }

    @Test
    void readModelsLiveInMongoOnly() {
        assertThat(ServiceCatalog.all()).filteredOn(ServiceDefinition::usesMongo)
                .containsExactlyInAnyOrder(ServiceCatalog.DESIGNER, ServiceCatalog.KPI);
    }

    @Test
    void findsServicesByName() {
        assertThat(ServiceCatalog.byName("kpi-projector")).isEqualTo(ServiceCatalog.KPI);
        assertThatThrownBy(() -> ServiceCatalog.byName("billing")).hasMessageContaining("billing");
    }
}
