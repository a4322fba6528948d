package dev.tandem.launcher.platform;

import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Finds the Tandem checkout the launcher runs from: {@code TANDEM_HOME} (the {@code tandem} script sets it),
 * else the nearest directory holding {@code mvnw} above the working directory, else above the launcher's jar.
 */
public final class RepositoryRoot {

    static final String HOME_VARIABLE = "TANDEM_HOME";
    private static final String MARKER = "mvnw";

    private RepositoryRoot() {
    }

    public static Path locate() {
        return locate(System.getenv(), Path.of("").toAbsolutePath(), launcherLocation());
    }

    static Path locate(Map<String, String> environment, Path workingDirectory, Optional<Path> launcherLocation) {
        String home = environment.get(HOME_VARIABLE);
        if (home != null && !home.isBlank()) {
            Path root = Path.of(home).toAbsolutePath().normalize();
            if (!isRoot(root)) {
                throw new IllegalStateException(HOME_VARIABLE + "=" + home + " is not a Tandem checkout (no mvnw there)");
            }
            return root;
        }
        return walkUp(workingDirectory)
                .or(() -> launcherLocation.flatMap(RepositoryRoot::walkUp))
                .orElseThrow(() -> new IllegalStateException("Cannot find the Tandem checkout: run from inside it, "
                        + "or set " + HOME_VARIABLE + " to the directory that holds mvnw"));
    }

    /** The packaged applications that are not there yet, as paths relative to the root. */
    public static List<Path> missingApplications(Path root, List<ServiceDefinition> services) {
        return services.stream()
                .map(service -> service.packagedApplication(root))
                .filter(jar -> !Files.isRegularFile(jar))
                .map(root::relativize)
                .toList();
    }

    private static Optional<Path> walkUp(Path start) {
        for (Path dir = start.toAbsolutePath().normalize(); dir != null; dir = dir.getParent()) {
            if (isRoot(dir)) {
                return Optional.of(dir);
            }
        }
        return Optional.empty();
    }

    private static boolean isRoot(Path dir) {
        return Files.isRegularFile(dir.resolve(MARKER));
    }

    private static Optional<Path> launcherLocation() {
        try {
            return Optional.of(Path.of(RepositoryRoot.class.getProtectionDomain().getCodeSource().getLocation().toURI()));
        } catch (URISyntaxException | RuntimeException e) {
            return Optional.empty();
        }
    }
}
