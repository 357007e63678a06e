package eu.clusternews.local;

import java.nio.file.Path;
import java.time.Duration;

/**
 * What the builders of the broker and the registry share: the data directory they keep their files under, the port
 * they listen on (on 127.0.0.1), and how long {@code start()} waits for them to answer.
 *
 * @param <B> the builder itself, so that the setters chain
 */
public abstract class LocalServiceBuilder<B extends LocalServiceBuilder<B>> {

    final Path dataDir;
    int port;
    Duration readyTimeout;

    /** Only the builders of this package, with their service's defaults. */
    LocalServiceBuilder(Path dataDir, int defaultPort, Duration defaultReadyTimeout) {
        this.dataDir = dataDir;
        this.port = defaultPort;
        this.readyTimeout = defaultReadyTimeout;
    }

    /** The port it listens on, on 127.0.0.1: the broker's client listener, the registry's HTTP API. */
    public B port(int port) {
        this.port = port;
        return self();
    }

    /** How long {@code start()} waits for it to answer before it gives up, quoting what it answered last. */
    public B readyTimeout(Duration readyTimeout) {
        this.readyTimeout = readyTimeout;
        return self();
    }

    @SuppressWarnings("unchecked")
    private B self() {
        return (B) this;
    }
}
