package eu.clusternews.registry;

import java.util.Objects;

import org.apache.avro.Schema;
import org.apache.avro.io.DatumWriter;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificRecord;

/** Writes generated Avro records in the Confluent wire format (see {@link SpecificAvroSerde} for the settings). */
public class SpecificAvroSerializer<T extends SpecificRecord> extends AbstractAvroSerializer<T> {

    private final SpecificData model;

    /** A serializer that builds its registry client from {@code schema.registry.url} in {@link #configure}. */
    public SpecificAvroSerializer(Class<T> type) {
        this(type, null);
    }

    /** A serializer using this client (configure still reads the serde settings; the client is not closed). */
    public SpecificAvroSerializer(Class<T> type, SchemaRegistryClient client) {
        super(client);
        // the class's own model carries the conversions of its logical types (LocalDate, Instant)
        this.model = SpecificData.getForClass(Objects.requireNonNull(type, "type"));
    }

    @Override
    Schema schemaOf(T record) {
        return record.getSchema();
    }

    @Override
    DatumWriter<T> datumWriter(Schema schema) {
        return new NullableUnionWriter<>(schema, model);
    }
}
