package dev.tandem.infra;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.Map;

/**
 * Quarkus test resource: starts {@link LocalInfrastructure} once per test JVM (every test class of a service
 * shares it; each test uses its own account keys) and points the application at it.
 * Use with {@code @QuarkusTestResource(TandemInfrastructureResource.class)} on the service's test classes; a service
 * with a database of its own names it, the same on every test class of the module:
 * {@code @QuarkusTestResource(value = TandemInfrastructureResource.class, initArgs = @ResourceArg(name =
 * TandemInfrastructureResource.DATABASE, value = "ingest"))}.
 */
public class TandemInfrastructureResource implements QuarkusTestResourceLifecycleManager {

    /** The init argument naming the service's database, one of {@link LocalInfrastructure#POSTGRES_DATABASES}. */
    public static final String DATABASE = "database";

    private static LocalInfrastructure shared;
    private String database = LocalInfrastructure.POSTGRES_DATABASES.get(0);

    /** The infrastructure of this JVM, started on first use and stopped when the JVM exits. */
    public static synchronized LocalInfrastructure infrastructure() {
        if (shared == null) {
            shared = LocalInfrastructure.start();
            Runtime.getRuntime().addShutdownHook(new Thread(shared::close, "tandem-infra-stop"));
        }
        return shared;
    }

    @Override
    public void init(Map<String, String> initArgs) {
        database = initArgs.getOrDefault(DATABASE, database);
        if (!LocalInfrastructure.POSTGRES_DATABASES.contains(database)) {
            throw new IllegalArgumentException("no local database " + database + "; there are "
                    + LocalInfrastructure.POSTGRES_DATABASES);
        }
    }

    @Override
    public Map<String, String> start() {
        return infrastructure().quarkusConfigFor(database);
    }

    @Override
    public void stop() {
        // shared by every test class of the JVM: stopped by the shutdown hook
    }
}
