package eu.clusternews.registry;

import java.io.IOException;
import java.util.Objects;

import org.apache.avro.Schema;
import org.apache.avro.SchemaCompatibility;
import org.apache.avro.SchemaNormalization;
import org.apache.avro.io.DatumReader;
import org.apache.avro.io.Decoder;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificDatumReader;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.errors.SerializationException;

/**
 * Reads Confluent-format Avro into the generated class T, whatever compatible version of the schema the data was
 * written with: the writer's schema (by id) is resolved to T's schema.
 */
public class SpecificAvroDeserializer<T extends SpecificRecord> extends AbstractAvroDeserializer<T> {

    private final Class<T> type;
    private final SpecificData model;
    private final Schema readerSchema;
    private final boolean plainLists;
    private final long readerLayout;

    /** A deserializer that builds its registry client from {@code schema.registry.url} in {@link #configure}. */
    public SpecificAvroDeserializer(Class<T> type) {
        this(type, null);
    }

    /** A deserializer using this client (the client is not closed by it). */
    public SpecificAvroDeserializer(Class<T> type, SchemaRegistryClient client) {
        super(client);
        this.type = Objects.requireNonNull(type, "type");
        SpecificData classModel = SpecificData.getForClass(type);
        this.readerSchema = classModel.getSchema(type);
        this.plainLists = JavaListSpecificDatumReader.needsPlainLists(readerSchema);
        this.readerLayout = SchemaNormalization.parsingFingerprint64(readerSchema);
        this.model = classModel;
    }

    @Override
    boolean hasReaderLayout(Schema writerSchema) {
        return SchemaNormalization.parsingFingerprint64(writerSchema) == readerLayout;
    }

    @Override
    DatumReader<T> datumReader(String topic, int writerId, Schema writerSchema) {
        var compatibility = SchemaCompatibility.checkReaderWriterCompatibility(readerSchema, writerSchema);
        if (compatibility.getType() != SchemaCompatibility.SchemaCompatibilityType.COMPATIBLE) {
            throw new SerializationException(prefix(topic) + "written with schema id " + writerId + " ("
                    + writerSchema.getFullName() + "), which is incompatible with the reader schema of "
                    + type.getName() + ": "
                    + compatibility.getDescription());
        }
        SpecificDatumReader<T> reader = new SpecificDatumReader<>(writerSchema, readerSchema, model);
        if (!plainLists) {
            return reader;
        }
        // Avro's fast reader, then plain lists where its arrays would break equals (see PlainLists)
        return new DatumReader<>() {
            @Override
            public void setSchema(Schema schema) {
                reader.setSchema(schema);
            }

            @Override
            public T read(T reuse, Decoder in) throws IOException {
                return PlainLists.in(reader.read(reuse, in));
            }
        };
    }
}
