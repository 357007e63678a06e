package eu.clusternews.reliability;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

import eu.clusternews.local.ApicurioRegistryProcess;
import eu.clusternews.local.Directories;
import eu.clusternews.local.LoopbackPorts;

/**
 * One real Apicurio registry per test JVM, on a free loopback port, stopped when the JVM exits. Each test class
 * brings its own broker (the topic names are fixed by the catalogue, so classes cannot share one), but the
 * registry is only HTTP and schemas registered twice keep their ids, so they share this one.
 */
final class SharedRegistry {

    private static ApicurioRegistryProcess instance;

    private SharedRegistry() {}

    /** The Confluent API URL of the running registry, started on the first call. */
    static synchronized String url() {
        if (instance == null) {
            Path dataDir;
            try {
                dataDir = Files.createTempDirectory("clusternews-reliability-registry-");
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            ApicurioRegistryProcess started = ApicurioRegistryProcess.builder(dataDir)
                    .port(LoopbackPorts.pickFree())
                    .start();
            Runtime.getRuntime()
                    .addShutdownHook(new Thread(
                            () -> {
                                try {
                                    started.close();
                                } finally {
                                    Directories.deleteRecursively(dataDir);
                                }
                            },
                            "stop-reliability-registry"));
            instance = started;
        }
        return instance.confluentApiUrl();
    }
}
