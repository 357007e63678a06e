package eu.clusternews.app.commands;

import eu.clusternews.app.config.Settings;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import picocli.CommandLine.Option;

/** Where the Kafka cluster and the schema registry are; shared by every command that talks to them. */
public final class ConnectionOptions {

  @Option(names = "--bootstrap-servers", paramLabel = "HOST:PORT[,...]",
      description = "Kafka brokers to connect to (default: the embedded default, "
          + Settings.DEFAULT_BOOTSTRAP_SERVERS + "; env KAFKA_BOOTSTRAP_SERVERS).")
  String bootstrapServers;

  @Option(names = "--schema-registry-url", paramLabel = "URL",
      description = "Confluent-compatible schema registry (default: the embedded Apicurio's Confluent API, "
          + Settings.DEFAULT_SCHEMA_REGISTRY_URL + "; env CLUSTERNEWS_SCHEMA_REGISTRY_URL).")
  String schemaRegistryUrl;

  @Option(names = "--config", paramLabel = "FILE",
      description = "Properties file in Kafka's own spelling (bootstrap.servers, schema.registry.url, "
          + "security.protocol, sasl.*, ssl.*, ...); environment variables and flags override it.")
  Path configFile;

  public Settings resolve() {
    Map<String, String> flags = new HashMap<>();
    flags.put(Settings.BOOTSTRAP_SERVERS, bootstrapServers);
    flags.put(Settings.SCHEMA_REGISTRY_URL, schemaRegistryUrl);
    return Settings.resolve(configFile, System.getenv(), flags);
  }
}
