package eu.clusternews.reliability;

import eu.clusternews.local.ApicurioRegistryProcess;
import eu.clusternews.local.LoopbackPorts;
import eu.clusternews.local.testing.UntilJvmExit;

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
            instance = UntilJvmExit.start(
                    "reliability-registry",
                    dataDir -> ApicurioRegistryProcess.builder(dataDir)
                            .port(LoopbackPorts.pickFree())
                            .start());
        }
        return instance.confluentApiUrl();
    }
}
