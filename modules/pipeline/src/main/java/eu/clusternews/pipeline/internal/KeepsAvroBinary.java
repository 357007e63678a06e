package eu.clusternews.pipeline.internal;

/**
 * A decoded record that keeps its own Avro binary (in its class's current schema) once it is known, so that every
 * later write of it, on its own or inside another record, copies those bytes instead of encoding it again
 * ({@link InternalAvroSerde}). A record that keeps its binary is a value: it is never changed after that.
 */
public interface KeepsAvroBinary {

    /** The record's Avro binary in its class's current schema, or null while not known. */
    byte[] keptAvroBinary();

    /** Keeps the record's Avro binary; the record must not change afterwards. */
    void keepAvroBinary(byte[] binary);
}
