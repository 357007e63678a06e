package eu.clusternews.registry;

import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericDatumWriter;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.io.DatumWriter;

/**
 * Writes {@link GenericRecord}s in the Confluent wire format with the record's own schema (for tools and tests that
 * write a schema no generated class has, such as an older version). Logical-type fields hold underlying values.
 */
public class GenericAvroSerializer extends AbstractAvroSerializer<GenericRecord> {

    /** A serializer that builds its registry client from {@code schema.registry.url} in {@link #configure}. */
    public GenericAvroSerializer() {
        super(null);
    }

    /** A serializer using this client. */
    public GenericAvroSerializer(SchemaRegistryClient client) {
        super(client);
    }

    @Override
    Schema schemaOf(GenericRecord record) {
        return record.getSchema();
    }

    @Override
    DatumWriter<GenericRecord> datumWriter(Schema schema) {
        return new GenericDatumWriter<>(schema, GenericData.get());
    }
}
