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
 * Removes what releases whose reference stores (the global stores) were on disk left in the state directory: their
 * RocksDB files, never read again now that the global stores are in memory, and the global checkpoint of their
 * offsets. Kafka Streams 4.3 restores an in-memory global store from the beginning of its topic whatever that file
 * says (it takes offsets from persistent stores only: {@code GlobalStateManagerImpl.initialize}, KIP-1035), so the
 * checkpoint is only stale; Streams before 4.3 restored any global store from a checkpointed offset
 * ({@code GlobalStateManagerImpl.restoreState}), and with it the first start after the upgrade would have filled the
 * in-memory stores only with the reference records written after the checkpoint.
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
