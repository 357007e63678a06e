package eu.clusternews.local;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.CodeSource;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Where the Apicurio Registry distribution (the directory holding {@value #RUNNER_JAR} and its {@code lib/})
 * is on this machine. {@link #locate()} looks, in this order:
 * <ol>
 *   <li>system property {@value #HOME_PROPERTY};</li>
 *   <li>environment variable {@value #HOME_ENV};</li>
 *   <li>{@code .cache/apicurio/}{@value #VERSION} in the working directory, in the directories above it and above
 *       the jar this class was loaded from (the build unpacks it to the project's top level), and under
 *       system property {@code apicurio.dist.dir} (set by the build for tests);</li>
 *   <li>the distribution's {@code .tar.gz} in the local Maven repository, unpacked once into
 *       {@code ~/.cache/clusternews/apicurio-}{@value #VERSION}.</li>
 * </ol>
 */
public final class RegistryDistribution {

    /** The Apicurio Registry version this project runs. */
    public static final String VERSION = "2.6.13.Final";
    /** The executable jar in the distribution. */
    public static final String RUNNER_JAR = "apicurio-registry-app-" + VERSION + "-runner.jar";
    /** System property naming the distribution's directory. */
    public static final String HOME_PROPERTY = "clusternews.registry.home";
    /** Environment variable naming the distribution's directory. */
    public static final String HOME_ENV = "CLUSTERNEWS_REGISTRY_HOME";

    private static final Logger log = LoggerFactory.getLogger(RegistryDistribution.class);
    private static final Path RELATIVE_CACHE = Path.of(".cache", "apicurio", VERSION);
    private static final String ARCHIVE = "apicurio-registry-app-" + VERSION + "-all.tar.gz";

    private RegistryDistribution() {}

    /**
     * The distribution's directory, unpacking it from the local Maven repository if that is the only copy.
     *
     * @throws IllegalStateException naming what was searched and the command that fetches it, when there is none
     */
    public static synchronized Path locate() {
        return locate(
                configuredHome(),
                cacheCandidates(),
                Path.of(System.getProperty("user.home"), ".cache", "clusternews", "apicurio-" + VERSION),
                mavenRepository());
    }

    /** {@link #locate()} with every place it looks given, so the search order can be tested. */
    static Path locate(Optional<Path> configured, List<Path> cacheCandidates, Path userCache, Path mavenRepository) {
        if (configured.isPresent()) {
            Path home = configured.get();
            if (isDistribution(home)) {
                return home;
            }
            throw new IllegalStateException(
                    home + " (from -D" + HOME_PROPERTY + " or " + HOME_ENV + ") does not contain " + RUNNER_JAR
                            + " and lib/. Point it at the unpacked Apicurio Registry " + VERSION + " distribution.");
        }
        List<Path> searched = new ArrayList<>();
        for (Path candidate : cacheCandidates) {
            searched.add(candidate);
            if (isDistribution(candidate)) {
                return candidate;
            }
        }
        searched.add(userCache);
        if (isDistribution(userCache)) {
            return userCache;
        }
        Path archive = mavenRepository.resolve(Path.of("io", "apicurio", "apicurio-registry-app", VERSION, ARCHIVE));
        searched.add(archive);
        if (Files.isRegularFile(archive)) {
            unpackInto(archive, userCache);
            return userCache;
        }
        throw new IllegalStateException("The Apicurio Registry " + VERSION + " distribution was not found. Looked in: "
                + searched
                + ". Run `mvn -q install -DskipTests` at the top of the clusternews project (it unpacks it to "
                + RELATIVE_CACHE + "), or fetch it into the local Maven repository with `mvn dependency:get "
                + "-Dartifact=io.apicurio:apicurio-registry-app:" + VERSION + ":tar.gz:all`, or set " + HOME_ENV
                + " to an unpacked copy.");
    }

    /** The executable jar of the distribution found by {@link #locate()}. */
    public static Path runnerJar(Path home) {
        return home.resolve(RUNNER_JAR);
    }

    static boolean isDistribution(Path dir) {
        return Files.isRegularFile(dir.resolve(RUNNER_JAR)) && Files.isDirectory(dir.resolve("lib"));
    }

    private static Optional<Path> configuredHome() {
        String property = System.getProperty(HOME_PROPERTY);
        if (property != null && !property.isBlank()) {
            return Optional.of(Path.of(property).toAbsolutePath());
        }
        String env = System.getenv(HOME_ENV);
        if (env != null && !env.isBlank()) {
            return Optional.of(Path.of(env).toAbsolutePath());
        }
        return Optional.empty();
    }

    private static List<Path> cacheCandidates() {
        Set<Path> candidates = new LinkedHashSet<>();
        String distDir = System.getProperty("apicurio.dist.dir");
        if (distDir != null && !distDir.isBlank()) {
            candidates.add(Path.of(distDir, VERSION).toAbsolutePath().normalize());
        }
        addWithAncestors(candidates, Path.of("").toAbsolutePath());
        codeLocation().ifPresent(location -> addWithAncestors(candidates, location));
        return new ArrayList<>(candidates);
    }

    private static void addWithAncestors(Set<Path> candidates, Path start) {
        for (Path dir = start.normalize(); dir != null; dir = dir.getParent()) {
            candidates.add(dir.resolve(RELATIVE_CACHE));
        }
    }

    private static Optional<Path> codeLocation() {
        try {
            CodeSource source = RegistryDistribution.class.getProtectionDomain().getCodeSource();
            return source == null
                    ? Optional.empty()
                    : Optional.of(Path.of(source.getLocation().toURI()).toAbsolutePath());
        } catch (URISyntaxException | RuntimeException e) {
            return Optional.empty();
        }
    }

    private static Path mavenRepository() {
        String configured = System.getProperty("maven.repo.local");
        if (configured != null && !configured.isBlank()) {
            return Path.of(configured);
        }
        return Path.of(System.getProperty("user.home"), ".m2", "repository");
    }

    private static void unpackInto(Path archive, Path target) {
        // unpack next to the target and move it in one step, so an interrupted unpack never looks complete
        Path partial = target.resolveSibling(
                target.getFileName() + ".partial-" + ProcessHandle.current().pid());
        log.info("Unpacking the Apicurio Registry distribution {} into {} (once)", archive, target);
        try {
            TarGzArchive.unpack(archive, partial);
            Files.createDirectories(target.getParent());
            try {
                Files.move(partial, target, StandardCopyOption.ATOMIC_MOVE);
            } catch (IOException raceOrNotAtomic) {
                if (!isDistribution(target)) {
                    throw raceOrNotAtomic;
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot unpack " + archive + " into " + target + ": " + e.getMessage(), e);
        } finally {
            Directories.deleteRecursively(partial);
        }
        if (!isDistribution(target)) {
            throw new IllegalStateException("Unpacked " + archive + " into " + target + " but found no " + RUNNER_JAR
                    + " and lib/ in it; delete " + target + " and the archive, then run `mvn -q install -DskipTests`");
        }
    }
}
