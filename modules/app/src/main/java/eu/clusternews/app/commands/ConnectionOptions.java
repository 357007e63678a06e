package eu.clusternews.app.commands;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

import eu.clusternews.app.config.Settings;
import picocli.CommandLine.Option;

/**
 * Where the Kafka cluster and the schema registry are, in the spellings Kafka users type: Kafka's tools'
 * {@code --bootstrap-server}, kcat's {@code -b}, {@code --command-config FILE} and kcat's {@code -X key=value};
 * shared by every command that talks to them.
 */
public final class ConnectionOptions {

    @Option(
            names = {"-b", "--bootstrap-server", "--bootstrap-servers"},
            paramLabel = "HOST:PORT[,...]",
            description = "Kafka brokers to connect to (default: the embedded default, "
                    + Settings.DEFAULT_BOOTSTRAP_SERVERS + "; env KAFKA_BOOTSTRAP_SERVERS).")
    String bootstrapServers;

    @Option(
            names = "--schema-registry-url",
            paramLabel = "URL",
            description = "Confluent-compatible schema registry (default: the embedded Apicurio's Confluent API, "
                    + Settings.DEFAULT_SCHEMA_REGISTRY_URL + "; env CLUSTERNEWS_SCHEMA_REGISTRY_URL).")
    String schemaRegistryUrl;

    @Option(
            names = {"--config", "--command-config"},
            paramLabel = "FILE",
            description = "Client properties file in Kafka's own spelling, as for Kafka's tools' --command-config "
                    + "(bootstrap.servers, schema.registry.url, security.protocol, sasl.*, ssl.*, basic.auth.*, ...); "
                    + "environment variables, flags and -X override it.")
    Path configFile;

    @Option(
            names = "-X",
            paramLabel = "KEY=VALUE",
            description =
                    "One Kafka, Kafka Streams or registry property, e.g. -X linger.ms=50 (repeatable; applied last, "
                            + "over the file, the environment and the flags).")
    Map<String, String> properties = new LinkedHashMap<>();

    public Settings resolve() {
        return resolve(System.getenv(), Map.of());
    }

    /**
     * The one way every command resolves its settings: defaults, the file, the environment, then the flags (these
     * options, then the command's own, e.g. {@code application.id} from {@code --application-id}; null values are
     * flags not given), then {@code -X}.
     */
    Settings resolve(Map<String, String> environment, Map<String, String> commandFlags) {
        Map<String, String> flags = new LinkedHashMap<>();
        flags.put(Settings.BOOTSTRAP_SERVERS, bootstrapServers);
        flags.put(Settings.SCHEMA_REGISTRY_URL, schemaRegistryUrl);
        flags.putAll(commandFlags);
        flags.putAll(properties); // -X last: the one-off override wins
        return Settings.resolve(configFile, environment, flags);
    }
}
