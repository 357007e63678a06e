package eu.clusternews.registry;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.List;

import org.apache.avro.Schema;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.Encoder;
import org.apache.avro.io.EncoderFactory;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificDatumWriter;

/**
 * A generated record's datum writer that picks the branch of a union of null and one other type by a null check, and
 * writes the same bytes as Avro's. Avro's own choice names the datum's schema and looks that name up among the
 * union's ({@code GenericData.resolveUnion}), for every optional field of every record written: 3 % of a rebuild's
 * stream thread. Every union in our schemas is of that kind; any other is left to Avro.
 *
 * <p>An array whose list {@link KeptItemBinaries keeps its items' binaries} is written from them, each item encoded
 * once and kept for this writer's item schema: the same bytes, since an array's items are written one after the
 * other.
 */
public class NullableUnionWriter<T> extends SpecificDatumWriter<T> {

    public NullableUnionWriter(Schema schema, SpecificData model) {
        super(schema, model);
    }

    /** A writer whose schema is given with each record (as {@link SpecificFieldsWriter} writes single fields). */
    public NullableUnionWriter(SpecificData model) {
        super(model);
    }

    @Override
    protected int resolveUnion(Schema union, Object datum) {
        List<Schema> types = union.getTypes();
        if (types.size() == 2) {
            if (types.get(0).getType() == Schema.Type.NULL) {
                return datum == null ? 0 : 1;
            }
            if (types.get(1).getType() == Schema.Type.NULL) {
                return datum == null ? 1 : 0;
            }
        }
        return super.resolveUnion(union, datum);
    }

    @Override
    protected void writeArray(Schema schema, Object datum, Encoder out) throws IOException {
        if (!(datum instanceof KeptItemBinaries kept) || !(datum instanceof List<?> items)) {
            super.writeArray(schema, datum, out);
            return;
        }
        Schema itemSchema = schema.getElementType();
        int size = items.size();
        out.writeArrayStart();
        out.setItemCount(size);
        for (int i = 0; i < size; i++) {
            out.startItem();
            out.writeFixed(kept.binary(i, itemSchema, index -> binaryOf(itemSchema, items.get(index))));
        }
        out.writeArrayEnd();
    }

    private byte[] binaryOf(Schema schema, Object item) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(256);
        BinaryEncoder encoder = EncoderFactory.get().binaryEncoder(bytes, null);
        write(schema, item, encoder);
        encoder.flush();
        return bytes.toByteArray();
    }
}
