package eu.clusternews.local.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

import eu.clusternews.local.Directories;
import eu.clusternews.local.LocalStack;
import eu.clusternews.local.LoopbackPorts;

/**
 * One real broker and one real registry per test JVM, for integration tests: started on first use on free
 * loopback ports with a temporary data directory, stopped (and the directory deleted) when the JVM exits.
 * Tests share it, so each should use its own topics ({@link TestTopics#create}) and subjects.
 *
 * <pre>{@code
 * LocalStack local = SharedLocalStack.get();
 * props.put("bootstrap.servers", local.bootstrapServers());
 * }</pre>
 */
public final class SharedLocalStack {

    private static LocalStack instance;

    private SharedLocalStack() {}

    /** The running stack, started on the first call. */
    public static synchronized LocalStack get() {
        if (instance == null) {
            Path dataDir = temporaryDataDir();
            LocalStack started;
            try {
                started = LocalStack.builder()
                        .dataDir(dataDir)
                        .kafkaPort(LoopbackPorts.pickFree())
                        .registryPort(LoopbackPorts.pickFree())
                        .start();
            } catch (RuntimeException e) {
                Directories.deleteRecursively(dataDir);
                throw e;
            }
            Runtime.getRuntime()
                    .addShutdownHook(new Thread(
                            () -> {
                                try {
                                    started.close();
                                } finally {
                                    Directories.deleteRecursively(dataDir);
                                }
                            },
                            "stop-shared-local-stack"));
            instance = started;
        }
        return instance;
    }

    private static Path temporaryDataDir() {
        try {
            return Files.createTempDirectory("clusternews-local-");
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create a temporary data directory", e);
        }
    }
}
