package eu.clusternews.app.config;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;

/**
 * Client configuration in Kafka's own property spelling ({@code bootstrap.servers}, {@code schema.registry.url},
 * {@code security.protocol}, ...), resolved in layers, each overriding the one before:
 * <ol>
 *   <li>built-in defaults (the embedded default on this machine);</li>
 *   <li>a properties file ({@code --config FILE});</li>
 *   <li>environment variables: {@code KAFKA_BOOTSTRAP_SERVERS} and {@code CLUSTERNEWS_SCHEMA_REGISTRY_URL} become
 *       {@code bootstrap.servers} and {@code schema.registry.url} (prefix dropped, lower case, {@code _} to
 *       {@code .});</li>
 *   <li>command-line flags.</li>
 * </ol>
 */
public final class Settings {

  public static final String BOOTSTRAP_SERVERS = "bootstrap.servers";
  public static final String SCHEMA_REGISTRY_URL = "schema.registry.url";
  public static final String DEFAULT_BOOTSTRAP_SERVERS = "127.0.0.1:9092";
  public static final String DEFAULT_SCHEMA_REGISTRY_URL = "http://127.0.0.1:8081/apis/ccompat/v7";

  private static final String[] ENV_PREFIXES = {"CLUSTERNEWS_", "KAFKA_"};

  private final TreeMap<String, String> properties;
  private final boolean endpointsExplicit;

  private Settings(TreeMap<String, String> properties, boolean endpointsExplicit) {
    this.properties = properties;
    this.endpointsExplicit = endpointsExplicit;
  }

  /** Defaults, then the file (if any), then the environment, then the explicit flags (null values ignored). */
  public static Settings resolve(Path configFile, Map<String, String> environment, Map<String, String> flags) {
    TreeMap<String, String> resolved = new TreeMap<>();
    resolved.put(BOOTSTRAP_SERVERS, DEFAULT_BOOTSTRAP_SERVERS);
    resolved.put(SCHEMA_REGISTRY_URL, DEFAULT_SCHEMA_REGISTRY_URL);
    if (configFile != null) {
      resolved.putAll(readFile(configFile));
    }
    resolved.putAll(fromEnvironment(environment));
    flags.forEach((key, value) -> {
      if (value != null) {
        resolved.put(key, value);
      }
    });
    boolean explicit = !DEFAULT_BOOTSTRAP_SERVERS.equals(resolved.get(BOOTSTRAP_SERVERS))
        || !DEFAULT_SCHEMA_REGISTRY_URL.equals(resolved.get(SCHEMA_REGISTRY_URL));
    return new Settings(resolved, explicit);
  }

  /** True when a file, the environment or a flag named a cluster or registry other than the embedded default. */
  public boolean endpointsExplicit() {
    return endpointsExplicit;
  }

  static Map<String, String> fromEnvironment(Map<String, String> environment) {
    Map<String, String> result = new TreeMap<>();
    environment.forEach((name, value) -> {
      for (String prefix : ENV_PREFIXES) {
        if (name.startsWith(prefix) && name.length() > prefix.length() && !isLauncherVariable(name)) {
          result.put(name.substring(prefix.length()).toLowerCase(Locale.ROOT).replace('_', '.'), value);
        }
      }
    });
    return result;
  }

  /** Variables that configure the launcher or the JVM, not Kafka clients. */
  private static boolean isLauncherVariable(String name) {
    return name.equals("CLUSTERNEWS_JAVA_OPTS") || name.equals("CLUSTERNEWS_HOME")
        || name.equals("CLUSTERNEWS_REGISTRY_HOME") || name.equals("KAFKA_HEAP_OPTS") || name.equals("KAFKA_OPTS");
  }

  private static Map<String, String> readFile(Path file) {
    Properties loaded = new Properties();
    try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      loaded.load(reader);
    } catch (NoSuchFileException e) {
      throw new ConfigurationException("The configuration file " + file + " does not exist.");
    } catch (IOException | IllegalArgumentException e) {
      throw new ConfigurationException("Cannot read the configuration file " + file + ": " + e.getMessage());
    }
    Map<String, String> result = new TreeMap<>();
    loaded.stringPropertyNames().forEach(name -> result.put(name, loaded.getProperty(name).trim()));
    return result;
  }

  public String bootstrapServers() {
    return properties.get(BOOTSTRAP_SERVERS);
  }

  public String schemaRegistryUrl() {
    return properties.get(SCHEMA_REGISTRY_URL);
  }

  public String get(String key) {
    return properties.get(key);
  }

  /** Every resolved property, for Kafka clients and serdes (they ignore keys they do not know). */
  public Map<String, Object> asClientConfig() {
    return new TreeMap<>(properties);
  }

  /** The same settings pointing at another cluster and registry (the embedded default once it runs). */
  public Settings withEndpoints(String bootstrapServers, String schemaRegistryUrl) {
    TreeMap<String, String> copy = new TreeMap<>(properties);
    copy.put(BOOTSTRAP_SERVERS, bootstrapServers);
    copy.put(SCHEMA_REGISTRY_URL, schemaRegistryUrl);
    return new Settings(copy, endpointsExplicit);
  }

  /** For logs: the settings with every secret masked. */
  @Override
  public String toString() {
    TreeMap<String, String> shown = new TreeMap<>();
    properties.forEach((key, value) -> shown.put(key, isSecret(key) ? "[hidden]" : value));
    return shown.toString();
  }

  static boolean isSecret(String key) {
    String lower = key.toLowerCase(Locale.ROOT);
    return lower.contains("password") || lower.contains("jaas") || lower.contains("secret")
        || lower.contains("user.info") || lower.contains("token");
  }
}
