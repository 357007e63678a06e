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
import java.util.Set;
import java.util.TreeMap;

import eu.clusternews.pipeline.PipelineConfig;
import eu.clusternews.registry.SchemaRegistryConfig;
import org.apache.kafka.streams.StreamsConfig;

/**
 * Client configuration in Kafka's own property spelling ({@code bootstrap.servers}, {@code schema.registry.url},
 * {@code security.protocol}, ...), resolved in layers, each overriding the one before:
 * <ol>
 *   <li>built-in defaults (the embedded default on this machine);</li>
 *   <li>a properties file ({@code --config FILE});</li>
 *   <li>environment variables {@code KAFKA_*}, then {@code CLUSTERNEWS_*}: the prefix dropped, lower case,
 *       {@code _} → {@code .}, {@code __} → {@code _}, {@code ___} → {@code -} (the Confluent image convention), e.g.
 *       {@code KAFKA_BOOTSTRAP_SERVERS} → {@code bootstrap.servers}; the variables of Kafka's and our launcher
 *       scripts ({@code KAFKA_HEAP_OPTS}, {@code CLUSTERNEWS_JAVA_OPTS}, ...) are not configuration;</li>
 *   <li>command-line flags.</li>
 * </ol>
 */
public final class Settings {

    public static final String BOOTSTRAP_SERVERS = "bootstrap.servers";
    public static final String SCHEMA_REGISTRY_URL = "schema.registry.url";
    /** The embedded default's endpoints: written once, with the pipeline's other defaults. */
    public static final String DEFAULT_BOOTSTRAP_SERVERS = PipelineConfig.DEFAULT_BOOTSTRAP_SERVERS;

    public static final String DEFAULT_SCHEMA_REGISTRY_URL = PipelineConfig.DEFAULT_SCHEMA_REGISTRY_URL;
    /** Where the pipeline keeps its state when neither file, environment nor flag says (relative to the cwd). */
    public static final Path DEFAULT_STATE_DIR = Path.of("data", "streams");

    /** Later prefixes win. */
    private static final String[] ENV_PREFIXES = {"KAFKA_", "CLUSTERNEWS_"};

    /** Environment variables of Kafka's launcher scripts and of ours: not client configuration. */
    private static final Set<String> LAUNCHER_VARIABLES = Set.of(
            "KAFKA_HOME",
            "KAFKA_OPTS",
            "KAFKA_HEAP_OPTS",
            "KAFKA_JVM_PERFORMANCE_OPTS",
            "KAFKA_LOG4J_OPTS",
            "KAFKA_JMX_OPTS",
            "KAFKA_GC_LOG_OPTS",
            "KAFKA_DEBUG",
            "KAFKA_LOG_DIR",
            "KAFKA_CLUSTER_ID",
            "CLUSTERNEWS_JAVA_OPTS",
            "CLUSTERNEWS_HOME",
            "CLUSTERNEWS_REGISTRY_HOME");

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
        for (String prefix : ENV_PREFIXES) {
            new TreeMap<>(environment).forEach((name, value) -> {
                if (name.startsWith(prefix) && name.length() > prefix.length() && !LAUNCHER_VARIABLES.contains(name)) {
                    result.put(propertyName(name, prefix), value);
                }
            });
        }
        return result;
    }

    /** The property an environment variable stands for, e.g. KAFKA_BOOTSTRAP_SERVERS → bootstrap.servers. */
    static String propertyName(String variable, String prefix) {
        String rest = variable.substring(prefix.length()).toLowerCase(Locale.ROOT);
        return rest.replace("___", "\u0000")
                .replace("__", "\u0001")
                .replace('_', '.')
                .replace('\u0001', '_')
                .replace('\u0000', '-');
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
        loaded.stringPropertyNames()
                .forEach(name -> result.put(name, loaded.getProperty(name).trim()));
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

    /** Every resolved property as strings: the base of the pipeline's configuration. */
    public Map<String, String> asStrings() {
        return new TreeMap<>(properties);
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

    /**
     * The pipeline's configuration, one for every command that runs or resets the pipeline ({@code pipeline},
     * {@code reprocess}, {@code up}): the pipeline's defaults ({@link PipelineConfig#defaults()}), a state directory
     * ({@code defaultStateDir}) unless these settings name one, then these settings. So {@code application.id} and
     * {@code state.dir} come from the same layers for every command: file, environment, flags.
     */
    public PipelineConfig pipelineConfig(Path defaultStateDir) {
        Map<String, String> resolved = new TreeMap<>(properties);
        // an absolute path: the log and reprocess's plan say which directory, whatever the working directory
        Path stateDir = Path.of(resolved.getOrDefault(StreamsConfig.STATE_DIR_CONFIG, defaultStateDir.toString()));
        resolved.put(StreamsConfig.STATE_DIR_CONFIG, stateDir.toAbsolutePath().toString());
        return PipelineConfig.of(resolved);
    }

    /** {@link #pipelineConfig(Path)} with the state in {@link #DEFAULT_STATE_DIR}. */
    public PipelineConfig pipelineConfig() {
        return pipelineConfig(DEFAULT_STATE_DIR);
    }

    /** For logs: the settings with every secret masked. */
    @Override
    public String toString() {
        TreeMap<String, String> shown = new TreeMap<>();
        properties.forEach((key, value) -> shown.put(key, SchemaRegistryConfig.printable(key, value)));
        return shown.toString();
    }
}
