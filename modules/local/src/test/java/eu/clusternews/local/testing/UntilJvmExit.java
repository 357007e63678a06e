package eu.clusternews.local.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Function;

import eu.clusternews.local.Directories;

/** Something a whole test JVM shares: started in a temporary directory, closed and the directory deleted at exit. */
public final class UntilJvmExit {

    private UntilJvmExit() {}

    /**
     * Starts {@code start} in a new temporary directory named after {@code name}; at JVM exit (or at once if it
     * fails to start) the directory is deleted, after closing what started.
     */
    public static <T extends AutoCloseable> T start(String name, Function<Path, T> start) {
        Path dir;
        try {
            dir = Files.createTempDirectory("clusternews-" + name + "-");
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create a temporary data directory", e);
        }
        T started;
        try {
            started = start.apply(dir);
        } catch (RuntimeException e) {
            Directories.deleteRecursively(dir);
            throw e;
        }
        Runtime.getRuntime()
                .addShutdownHook(new Thread(
                        () -> {
                            try {
                                started.close();
                            } catch (Exception e) {
                                throw new IllegalStateException("Could not stop the shared " + name, e);
                            } finally {
                                Directories.deleteRecursively(dir);
                            }
                        },
                        "stop-shared-" + name));
        return started;
    }
}
