package eu.clusternews.app.commands;

import java.time.Duration;

import picocli.CommandLine.Option;

/** {@code --timeout}: how long to wait for Kafka and the schema registry to answer before naming them and giving up. */
public final class TimeoutOption {

    /** Long enough for a slow TLS handshake across a continent, short enough that a wrong address shows at once. */
    static final Duration DEFAULT = Duration.ofSeconds(10);

    @Option(
            names = "--timeout",
            paramLabel = "DURATION",
            converter = Durations.class,
            description =
                    "Give up, naming the address, when Kafka or the schema registry has not answered after this long "
                            + "(default: 10s; 500ms, 2m, PT30S, or milliseconds).")
    Duration timeout;

    /** How long to wait for the cluster and the registry. */
    public Duration connect() {
        return timeout != null ? timeout : DEFAULT;
    }

    /** The value given on the command line, or null. */
    Duration given() {
        return timeout;
    }
}
