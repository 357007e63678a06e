package eu.clusternews.registry;

import java.util.Map;

/** The serde settings read from a Kafka configuration map, in Confluent's spelling (see {@link SchemaRegistryConfig}). */
record AvroSerdeConfig(
        boolean autoRegister,
        boolean useLatestVersion,
        SubjectNameStrategy subjectNameStrategy,
        boolean removeJavaProperties) {

    static AvroSerdeConfig from(Map<String, ?> config, boolean isKey) {
        String strategyKey = isKey
                ? SchemaRegistryConfig.KEY_SUBJECT_NAME_STRATEGY
                : SchemaRegistryConfig.VALUE_SUBJECT_NAME_STRATEGY;
        return new AvroSerdeConfig(
                SchemaRegistryConfig.bool(config, SchemaRegistryConfig.AUTO_REGISTER_SCHEMAS, true),
                SchemaRegistryConfig.bool(config, SchemaRegistryConfig.USE_LATEST_VERSION, false),
                SubjectNameStrategy.named(strategyKey, SchemaRegistryConfig.string(config, strategyKey, null)),
                SchemaRegistryConfig.bool(config, SchemaRegistryConfig.AVRO_REMOVE_JAVA_PROPS, true));
    }

    static AvroSerdeConfig defaults() {
        return new AvroSerdeConfig(true, false, SubjectNameStrategy.Standard.TOPIC, true);
    }
}
