package eu.clusternews.topics;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

import eu.clusternews.registry.AvroSchemas;
import eu.clusternews.registry.SchemaRegistryClient;
import org.apache.avro.Schema;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Registers the value schema of every catalogued topic under {@code <topic>-value} (the topic name strategy).
 * Idempotent: a schema already registered keeps its id.
 *
 * <p>What is registered is the generated class's schema with {@code avro.java.string} stripped, not the text of the
 * .avsc file: the files refer to shared types by name (NewsEvent uses NewsKind and Location, ...), so most of them
 * are not self-contained and would need schema references, which Confluent-format serdes do not write. The stripped
 * class schema is the same contract with every type inlined (the schemas module's contract test checks it equals
 * the files canonically), and it is exactly what {@code SpecificAvroSerializer} registers on its own with
 * {@code avro.remove.java.properties=true}, so setup and producers agree on the ids.
 */
public final class SchemaRegistration {

    private static final Logger LOG = LoggerFactory.getLogger(SchemaRegistration.class);

    private final SchemaRegistryClient client;

    public SchemaRegistration(SchemaRegistryClient client) {
        this.client = Objects.requireNonNull(client, "client");
    }

    /** The schema registered for a topic's values; null for the dead-letter topic. */
    public static Schema registeredValueSchema(TopicSpec spec) {
        Schema schema = spec.valueSchema();
        return schema == null ? null : AvroSchemas.withoutJavaProperties(schema);
    }

    /** Registers the value schema of every topic that has one; returns subject → schema id, in catalogue order. */
    public Map<String, Integer> registerAll() {
        Map<String, Integer> ids = new LinkedHashMap<>();
        Arrays.stream(TopicSpec.values())
                .filter(spec -> spec.valueType() != null)
                .forEach(spec -> ids.put(spec.valueSubject(), register(spec)));
        LOG.info("Value schemas of {} topics registered at {}: {}", ids.size(), client.url(), ids);
        return ids;
    }

    /**
     * Registers the value schema of one topic and returns its id.
     *
     * @throws IllegalArgumentException for the dead-letter topic, which has no schema
     */
    public int register(TopicSpec spec) {
        Schema schema = registeredValueSchema(spec);
        if (schema == null) {
            throw new IllegalArgumentException("Topic " + spec.topicName() + " holds raw bytes and has no schema");
        }
        int id = client.register(spec.valueSubject(), schema);
        LOG.debug(
                "Schema {} registered under subject {} at {}: id {}",
                schema.getFullName(),
                spec.valueSubject(),
                client.url(),
                id);
        return id;
    }
}
