package eu.clusternews.pipeline;

import eu.clusternews.registry.SchemaRegistryConfig;
import eu.clusternews.topics.TopicSpec;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.streams.StreamsConfig;

/**
 * The pipeline's configuration, in Kafka's own property spelling ({@code bootstrap.servers},
 * {@code processing.guarantee}, {@code schema.registry.url}, ...). Later sources win:
 * <ol>
 *   <li>{@link #defaults()};</li>
 *   <li>a properties file, when given;</li>
 *   <li>environment variables {@code KAFKA_*}, then {@code CLUSTERNEWS_*}: the prefix dropped, lower case,
 *       {@code _} → {@code .}, {@code __} → {@code _}, {@code ___} → {@code -} (the Confluent image
 *       convention), e.g. {@code KAFKA_BOOTSTRAP_SERVERS} → {@code bootstrap.servers},
 *       {@code CLUSTERNEWS_SCHEMA_REGISTRY_URL} → {@code schema.registry.url}; the launcher variables
 *       of Kafka's scripts ({@code KAFKA_HEAP_OPTS}, ...) are not configuration and are ignored;</li>
 *   <li>explicit overrides (command-line flags).</li>
 * </ol>
 * The one map serves Kafka Streams and the serdes: each takes the keys it knows.
 */
public final class PipelineConfig {

    public static final String KAFKA_ENV_PREFIX = "KAFKA_";
    public static final String CLUSTERNEWS_ENV_PREFIX = "CLUSTERNEWS_";

    public static final String DEFAULT_APPLICATION_ID = "clusternews-pipeline";
    public static final String DEFAULT_BOOTSTRAP_SERVERS = "127.0.0.1:9092";
    public static final String DEFAULT_SCHEMA_REGISTRY_URL = "http://127.0.0.1:8081/apis/ccompat/v7";

    /** Environment variables of Kafka's launcher scripts, not client configuration. */
    private static final Set<String> LAUNCHER_VARIABLES = Set.of("KAFKA_HOME", "KAFKA_OPTS", "KAFKA_HEAP_OPTS",
            "KAFKA_JVM_PERFORMANCE_OPTS", "KAFKA_LOG4J_OPTS", "KAFKA_JMX_OPTS", "KAFKA_GC_LOG_OPTS", "KAFKA_DEBUG",
            "KAFKA_LOG_DIR", "KAFKA_CLUSTER_ID");
    /** Keys whose values are not logged. */
    private static final Set<String> SECRET_WORDS = Set.of("password", "secret", "jaas", "user.info", "credentials");

    private final Map<String, String> properties;

    private PipelineConfig(Map<String, String> properties) {
        this.properties = Collections.unmodifiableMap(new TreeMap<>(properties));
    }

    /** The defaults: exactly-once v2, local broker and registry, explicit naming enforced, bad input dead-lettered. */
    public static Map<String, String> defaults() {
        Map<String, String> defaults = new LinkedHashMap<>();
        defaults.put(StreamsConfig.APPLICATION_ID_CONFIG, DEFAULT_APPLICATION_ID);
        defaults.put(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, DEFAULT_BOOTSTRAP_SERVERS);
        defaults.put(SchemaRegistryConfig.SCHEMA_REGISTRY_URL, DEFAULT_SCHEMA_REGISTRY_URL);
        defaults.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2);
        defaults.put(StreamsConfig.ENSURE_EXPLICIT_INTERNAL_RESOURCE_NAMING_CONFIG, "true");
        defaults.put(StreamsConfig.ERRORS_DEAD_LETTER_QUEUE_TOPIC_NAME_CONFIG, TopicSpec.DEAD_LETTERS.topicName());
        defaults.put(StreamsConfig.PROCESSING_EXCEPTION_HANDLER_CLASS_CONFIG, DeadLetterHandler.class.getName());
        defaults.put(StreamsConfig.DESERIALIZATION_EXCEPTION_HANDLER_CLASS_CONFIG, DeadLetterHandler.class.getName());
        // what Kafka 5.0 will do anyway; the global stores have no processor of ours that could throw
        defaults.put(StreamsConfig.PROCESSING_EXCEPTION_HANDLER_GLOBAL_ENABLED_CONFIG, "true");
        return defaults;
    }

    /** Defaults, then the file (may be null), then this environment, then the overrides. */
    public static PipelineConfig load(Path file, Map<String, String> environment, Map<String, String> overrides) {
        Map<String, String> merged = new LinkedHashMap<>(defaults());
        if (file != null) {
            merged.putAll(readFile(file));
        }
        merged.putAll(fromEnvironment(environment, KAFKA_ENV_PREFIX));
        merged.putAll(fromEnvironment(environment, CLUSTERNEWS_ENV_PREFIX));
        merged.putAll(overrides);
        return new PipelineConfig(merged);
    }

    /** Defaults, then the file (may be null), then the process environment, then the overrides. */
    public static PipelineConfig load(Path file, Map<String, String> overrides) {
        return load(file, System.getenv(), overrides);
    }

    /** Defaults with these overrides only (tests, embedding). */
    public static PipelineConfig of(Map<String, String> overrides) {
        return load(null, Map.of(), overrides);
    }

    /** The property an environment variable stands for, e.g. KAFKA_BOOTSTRAP_SERVERS → bootstrap.servers. */
    static String propertyName(String variable, String prefix) {
        String rest = variable.substring(prefix.length()).toLowerCase(Locale.ROOT);
        return rest.replace("___", "\u0000").replace("__", "\u0001").replace('_', '.')
                .replace('\u0001', '_').replace('\u0000', '-');
    }

    private static Map<String, String> fromEnvironment(Map<String, String> environment, String prefix) {
        Map<String, String> found = new TreeMap<>();
        environment.forEach((name, value) -> {
            if (name.startsWith(prefix) && name.length() > prefix.length() && !LAUNCHER_VARIABLES.contains(name)) {
                found.put(propertyName(name, prefix), value);
            }
        });
        return found;
    }

    private static Map<String, String> readFile(Path file) {
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            properties.load(reader);
        } catch (NoSuchFileException e) {
            throw new IllegalArgumentException("Pipeline configuration file " + file.toAbsolutePath()
                    + " does not exist; give an existing properties file or none", e);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read pipeline configuration file " + file.toAbsolutePath() + ": " + e.getMessage(), e);
        }
        Map<String, String> map = new LinkedHashMap<>();
        properties.stringPropertyNames().forEach(name -> map.put(name, properties.getProperty(name).trim()));
        return map;
    }

    /** Every property, sorted by name. */
    public Map<String, String> asMap() {
        return properties;
    }

    /** The value of a property, or null. */
    public String get(String name) {
        return properties.get(name);
    }

    public String applicationId() {
        return properties.get(StreamsConfig.APPLICATION_ID_CONFIG);
    }

    public String bootstrapServers() {
        return properties.get(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG);
    }

    public String schemaRegistryUrl() {
        return properties.get(SchemaRegistryConfig.SCHEMA_REGISTRY_URL);
    }

    /** The properties for {@code KafkaStreams} and {@code StreamsConfig}. */
    public Properties streamsProperties() {
        Properties p = new Properties();
        p.putAll(properties);
        return p;
    }

    /** The properties for the Avro serdes. */
    public Map<String, Object> serdeConfig() {
        return new LinkedHashMap<>(properties);
    }

    /** A copy with these properties set. */
    public PipelineConfig with(Map<String, String> overrides) {
        Map<String, String> merged = new LinkedHashMap<>(properties);
        merged.putAll(overrides);
        return new PipelineConfig(merged);
    }

    /** One line per property, secrets masked: for the startup log. */
    @Override
    public String toString() {
        return properties.entrySet().stream()
                .map(e -> e.getKey() + "=" + (isSecret(e.getKey()) ? "[hidden]" : e.getValue()))
                .collect(Collectors.joining("\n"));
    }

    private static boolean isSecret(String key) {
        String k = key.toLowerCase(Locale.ROOT);
        return SECRET_WORDS.stream().anyMatch(k::contains);
    }
}
