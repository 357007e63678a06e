package eu.clusternews.local.testing;

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
            instance = UntilJvmExit.start(
                    "local",
                    dataDir -> LocalStack.builder()
                            .dataDir(dataDir)
                            .kafkaPort(LoopbackPorts.pickFree())
                            .registryPort(LoopbackPorts.pickFree())
                            .start());
        }
        return instance;
    }
}
