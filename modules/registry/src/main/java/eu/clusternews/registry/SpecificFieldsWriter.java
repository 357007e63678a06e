package eu.clusternews.registry;

import java.io.IOException;
import java.util.List;

import org.apache.avro.Schema;
import org.apache.avro.io.Encoder;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificRecord;

/**
 * Writes some of a generated record's fields, with their logical-type conversions, exactly as its datum writer writes
 * them. A record's Avro binary is its fields' binaries one after the other, so a caller that has some of them already
 * (copied from where the record was read) encodes only the others.
 */
public final class SpecificFieldsWriter extends NullableUnionWriter<Object> {

    /** @param model the generated class's own model (it holds the conversions of its logical types) */
    public SpecificFieldsWriter(SpecificData model) {
        super(model);
    }

    /** Writes the fields from {@code first} (inclusive) to {@code end} (exclusive), in schema order. */
    public void writeFields(SpecificRecord record, int first, int end, Encoder encoder) throws IOException {
        List<Schema.Field> fields = record.getSchema().getFields();
        for (int i = first; i < end; i++) {
            writeField(record, fields.get(i), encoder, null);
        }
    }

    /** Writes the fields from {@code first} to the last. */
    public void writeFields(SpecificRecord record, int first, Encoder encoder) throws IOException {
        writeFields(record, first, record.getSchema().getFields().size(), encoder);
    }
}
