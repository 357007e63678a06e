package eu.clusternews.pipeline.state;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Properties;
import java.util.stream.Stream;

import org.apache.kafka.streams.StreamsConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Removes what releases whose reference stores (the global stores) were on disk left in the state directory. The
 * global stores are now in memory and refilled from their topics at every start, but Kafka Streams 4.3 restores a
 * global store from the offset in the global checkpoint file when the file names its topic, whatever kind of store
 * it is (read in {@code GlobalStateManagerImpl.restoreState}): the first start after an upgrade would fill the
 * in-memory stores only with the reference records written after the last checkpoint, and the news would miss the
 * others. Streams writes no offsets for in-memory global stores, so the file can only be stale; the RocksDB files
 * beside it are never read again.
 */
public final class ReferenceStoresOnDisk {

    private static final Logger LOG = LoggerFactory.getLogger(ReferenceStoresOnDisk.class);

    /** Kafka Streams' directory of an application's global stores, inside its state directory. */
    static final String GLOBAL_DIR = "global";

    static final String CHECKPOINT_FILE = ".checkpoint";
    static final String ROCKSDB_DIR = "rocksdb";

    private ReferenceStoresOnDisk() {}

    /**
     * Removes the global checkpoint and the on-disk global stores of the application the properties configure. Call
     * it before the {@code KafkaStreams} client is made: it reads the checkpoint when it starts.
     *
     * @return whether anything was removed
     */
    public static boolean removeLeftovers(Properties streamsProperties) {
        String stateDir = streamsProperties.getProperty(StreamsConfig.STATE_DIR_CONFIG);
        String applicationId = streamsProperties.getProperty(StreamsConfig.APPLICATION_ID_CONFIG);
        if (stateDir == null || applicationId == null) {
            return false; // Streams' default state directory under java.io.tmpdir: no release of ours used it
        }
        return removeLeftovers(Path.of(stateDir, applicationId, GLOBAL_DIR));
    }

    static boolean removeLeftovers(Path globalDir) {
        Path checkpoint = globalDir.resolve(CHECKPOINT_FILE);
        Path rocksdb = globalDir.resolve(ROCKSDB_DIR);
        try {
            boolean removed = Files.deleteIfExists(checkpoint);
            if (Files.isDirectory(rocksdb)) {
                deleteTree(rocksdb);
                removed = true;
            }
            if (removed) {
                LOG.info(
                        "Removed the on-disk reference stores and their checkpoint from {}: the reference stores are"
                                + " now kept in memory and filled from the ref-* topics at every start",
                        globalDir);
            }
            return removed;
        } catch (IOException e) {
            throw new UncheckedIOException(
                    "Cannot remove the reference stores an earlier release kept on disk in " + globalDir
                            + "; remove that directory by hand and start again",
                    e);
        }
    }

    private static void deleteTree(Path root) throws IOException {
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }
}
