package eu.clusternews.registry;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

import org.apache.avro.Schema;
import org.apache.kafka.common.config.ConfigException;

/** Which registry subject the schema of a topic's key or value is registered under. */
@FunctionalInterface
public interface SubjectNameStrategy {

    String subjectName(String topic, boolean isKey, Schema schema);

    /**
     * The strategy a {@code key.subject.name.strategy} / {@code value.subject.name.strategy} value names: Confluent's
     * class names ({@code io.confluent.kafka.serializers.subject.TopicNameStrategy}, ...), the short names
     * {@code topic}, {@code record}, {@code topic-record}, or the name of a class implementing this interface. Null
     * or blank means topic.
     */
    static SubjectNameStrategy named(String configKey, String value) {
        if (value == null || value.isBlank()) {
            return Standard.TOPIC;
        }
        String trimmed = value.trim();
        for (Standard standard : Standard.values()) {
            if (standard.shortName.equalsIgnoreCase(trimmed)
                    || standard.confluentClassName.equals(trimmed)
                    || standard.confluentClassName.endsWith("." + trimmed)) {
                return standard;
            }
        }
        try {
            Class<?> type = Class.forName(
                    trimmed,
                    true,
                    Thread.currentThread().getContextClassLoader() != null
                            ? Thread.currentThread().getContextClassLoader()
                            : SubjectNameStrategy.class.getClassLoader());
            if (SubjectNameStrategy.class.isAssignableFrom(type)) {
                return (SubjectNameStrategy) type.getDeclaredConstructor().newInstance();
            }
        } catch (ReflectiveOperationException | LinkageError e) {
            // not a class we can use: fall through to the message listing what is accepted
        }
        throw new ConfigException(
                configKey,
                value,
                "expected one of "
                        + Arrays.stream(Standard.values())
                                .map(s -> s.shortName + " (" + s.confluentClassName + ")")
                                .collect(Collectors.joining(", "))
                        + ", or a class implementing " + SubjectNameStrategy.class.getName());
    }

    /** Confluent's three strategies. */
    enum Standard implements SubjectNameStrategy {
        /** {@code <topic>-key} / {@code <topic>-value}: one schema lineage per topic (the default). */
        TOPIC("topic", "io.confluent.kafka.serializers.subject.TopicNameStrategy") {
            @Override
            public String subjectName(String topic, boolean isKey, Schema schema) {
                return topic + (isKey ? "-key" : "-value");
            }
        },
        /** The record's full name: one lineage per record type, across topics. */
        RECORD("record", "io.confluent.kafka.serializers.subject.RecordNameStrategy") {
            @Override
            public String subjectName(String topic, boolean isKey, Schema schema) {
                return recordName(schema);
            }
        },
        /** {@code <topic>-<record full name>}: several record types per topic, one lineage each. */
        TOPIC_RECORD("topic-record", "io.confluent.kafka.serializers.subject.TopicRecordNameStrategy") {
            @Override
            public String subjectName(String topic, boolean isKey, Schema schema) {
                return topic + "-" + recordName(schema);
            }
        };

        private final String shortName;
        private final String confluentClassName;

        Standard(String shortName, String confluentClassName) {
            this.shortName = shortName;
            this.confluentClassName = confluentClassName;
        }

        public String shortName() {
            return shortName;
        }

        private static String recordName(Schema schema) {
            if (schema.getType() != Schema.Type.RECORD) {
                throw new IllegalArgumentException(
                        "The record and topic-record subject name strategies need a record schema," + " not "
                                + schema.getType().getName().toLowerCase(Locale.ROOT));
            }
            return schema.getFullName();
        }
    }
}
