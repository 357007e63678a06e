package eu.clusternews.app.commands;

import eu.clusternews.local.LocalStack;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;
import picocli.CommandLine.ParameterException;

/** Starts the embedded default from the command's options. */
final class LocalStacks {

    private static final Logger log = LoggerFactory.getLogger(LocalStacks.class);

    /**
     * {@code -Dclusternews.embedded=false}: this installation has no embedded default (the container image: no
     * Apicurio distribution, and a broker inside a container's JVM would be of no use to anyone outside it).
     */
    static final String EMBEDDED_PROPERTY = "clusternews.embedded";

    private LocalStacks() {}

    /** A usage error, saying how to name a cluster, when this installation has no embedded default. */
    static void requireEmbedded(CommandLine commandLine) {
        if ("false".equalsIgnoreCase(System.getProperty(EMBEDDED_PROPERTY))) {
            throw new ParameterException(
                    commandLine,
                    "no Kafka cluster given, and this installation (the container image)"
                            + " has no embedded default: set KAFKA_BOOTSTRAP_SERVERS and CLUSTERNEWS_SCHEMA_REGISTRY_URL, or pass"
                            + " -b HOST:PORT --schema-registry-url URL, or --config FILE (see docs/run-on-your-cluster.md)");
        }
    }

    static LocalStack start(LocalOptions options) {
        log.info(
                "Starting the embedded Kafka broker on port {} and the schema registry on port {}...",
                options.kafkaPort,
                options.registryPort);
        LocalStack stack = LocalStack.builder()
                .dataDir(options.dataDir)
                .kafkaPort(options.kafkaPort)
                .registryPort(options.registryPort)
                .start();
        log.info("Broker and registry ready in {} ms", stack.readyTime().toMillis());
        return stack;
    }
}
