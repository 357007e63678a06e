package eu.clusternews.pipeline.internal;

/**
 * A value together with the bytes a store wrote it as in the internal encoding ({@link InternalAvroSerde}), so that a
 * public topic's sink can frame the same Avro binary ({@link ReframingSerde}) instead of encoding the value a
 * second time. A null value is a tombstone.
 */
public record Encoded<V>(V value, byte[] singleObject) {}
