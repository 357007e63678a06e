package eu.clusternews.registry;

import java.util.List;

import org.apache.avro.Schema;

/**
 * The Confluent Schema Registry protocol as clusternews uses it. Subjects hold versions of Avro schemas; every
 * distinct schema has a global id, which the Confluent wire format writes in front of each record.
 */
public interface SchemaRegistryClient extends AutoCloseable {

    /** Registers the schema under the subject (idempotent: an already registered schema keeps its id). */
    int register(String subject, Schema schema);

    /** The id of a schema already registered under the subject; never registers. */
    int getId(String subject, Schema schema);

    /** The schema with this global id. */
    Schema getById(int id);

    /** The newest version registered under the subject. */
    RegisteredSchema getLatest(String subject);

    /** Whether the schema may be registered under the subject as its next version. */
    default boolean isCompatible(String subject, Schema schema) {
        return testCompatibility(subject, schema).compatible();
    }

    /** Like {@link #isCompatible} with the registry's explanation. A subject without versions accepts anything. */
    CompatibilityResult testCompatibility(String subject, Schema schema);

    /** The compatibility level (BACKWARD, FULL, NONE, ...) of the subject, or the global one when subject is null. */
    String getCompatibility(String subjectOrNullForGlobal);

    /** Sets the compatibility level of the subject, or the global one when subject is null. */
    void setCompatibility(String subjectOrNullForGlobal, String level);

    /** All subjects, sorted. */
    List<String> subjects();

    /** Where the registry is, without credentials; {@code mock://scope} for an in-memory one. */
    String url();

    @Override
    default void close() {}
}
