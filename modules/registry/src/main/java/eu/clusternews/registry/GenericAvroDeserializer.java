package eu.clusternews.registry;

import org.apache.avro.Schema;
import org.apache.avro.SchemaCompatibility;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericDatumReader;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.io.DatumReader;
import org.apache.kafka.common.errors.SerializationException;

/**
 * Reads any Confluent-format Avro record as a {@link GenericRecord}, with the writer's own schema (for a tail
 * command that decodes any topic) or resolved to a given reader schema. Logical types come as their underlying
 * values (a date is an int of days), exactly as encoded.
 */
public class GenericAvroDeserializer extends AbstractAvroDeserializer<GenericRecord> {

    private final Schema readerSchema;

    /** Reads with the writer's schema; the registry client comes from {@link #configure}. */
    public GenericAvroDeserializer() {
        this(null, null);
    }

    /** Reads with the writer's schema, through this client. */
    public GenericAvroDeserializer(SchemaRegistryClient client) {
        this(client, null);
    }

    /** Reads resolved to this reader schema (null: the writer's), through this client (null: from configure). */
    public GenericAvroDeserializer(SchemaRegistryClient client, Schema readerSchema) {
        super(client);
        this.readerSchema = readerSchema;
    }

    @Override
    DatumReader<GenericRecord> datumReader(String topic, int writerId, Schema writerSchema) {
        Schema reader = readerSchema == null ? writerSchema : readerSchema;
        if (reader.getType() != Schema.Type.RECORD) {
            throw new SerializationException(
                    prefix(topic) + "schema id " + writerId + " is a " + reader.getType() + ", not a record");
        }
        if (readerSchema != null) {
            var compatibility = SchemaCompatibility.checkReaderWriterCompatibility(readerSchema, writerSchema);
            if (compatibility.getType() != SchemaCompatibility.SchemaCompatibilityType.COMPATIBLE) {
                throw new SerializationException(prefix(topic) + "written with schema id " + writerId
                        + ", which is incompatible with the reader schema " + readerSchema.getFullName() + ": "
                        + compatibility.getDescription());
            }
        }
        return new GenericDatumReader<>(writerSchema, reader, GenericData.get());
    }
}
