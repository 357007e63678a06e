package eu.clusternews.faults;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import eu.clusternews.app.config.Settings;
import eu.clusternews.app.setup.ClusterSetup;
import eu.clusternews.local.Directories;
import eu.clusternews.testing.Seeds;

/** What both fault tests need: a clean work directory, the seeds, the cluster set up, and their results summed up. */
final class FaultTestSupport {

    private FaultTestSupport() {}

    /** {@code target/faults/<name>}, emptied. */
    static Path workDir(String name) {
        Path dir = Path.of(System.getProperty("faults.work.dir", "target/faults"))
                .resolve(name)
                .toAbsolutePath();
        Directories.deleteRecursively(dir);
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create the work directory " + dir, e);
        }
        return dir;
    }

    /** The client settings every Kafka client and serde of the tests uses. */
    static Map<String, Object> clientConfig(String bootstrapServers, String schemaRegistryUrl) {
        Map<String, Object> config = new LinkedHashMap<>();
        config.put("bootstrap.servers", bootstrapServers);
        config.put("schema.registry.url", schemaRegistryUrl);
        return config;
    }

    /** {@code clusternews setup}: topics (with this replication factor), schemas, reference data. */
    static ClusterSetup.Summary setUp(String bootstrapServers, String schemaRegistryUrl, short replicationFactor) {
        Settings settings =
                Settings.resolve(null, Map.of(), Map.of()).withEndpoints(bootstrapServers, schemaRegistryUrl);
        return new ClusterSetup(settings).run(Seeds.reference(), null, replicationFactor);
    }

    /** Every input news exactly once in read_committed cluster-news-enriched: none twice, none missing, no other. */
    static void assertEachNewsOnce(Map<String, Integer> enrichedIdCounts, Set<String> inputIds) {
        assertThat(duplicates(enrichedIdCounts))
                .as("news ids twice in read_committed cluster-news-enriched")
                .isEmpty();
        assertThat(missing(inputIds, enrichedIdCounts.keySet()))
                .as("news ids missing from cluster-news-enriched")
                .isEmpty();
        assertThat(enrichedIdCounts.keySet()).isEqualTo(inputIds);
    }

    /** The ids that occur more than once, with their counts (at most 20 of them, for a readable failure). */
    static Map<String, Integer> duplicates(Map<String, Integer> counts) {
        return counts.entrySet().stream()
                .filter(e -> e.getValue() > 1)
                .limit(20)
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue, (a, b) -> a, TreeMap::new));
    }

    /** The ids of {@code expected} missing from {@code actual} (at most 20). */
    static Set<String> missing(Set<String> expected, Set<String> actual) {
        return expected.stream()
                .filter(id -> !actual.contains(id))
                .limit(20)
                .collect(Collectors.toCollection(java.util.TreeSet::new));
    }

    static long millisSince(long nanos) {
        return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - nanos);
    }
}
