package eu.clusternews.serve.streams;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

import org.apache.avro.Schema;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.DecoderFactory;
import org.apache.avro.io.EncoderFactory;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificDatumReader;
import org.apache.avro.specific.SpecificDatumWriter;
import org.apache.avro.specific.SpecificRecord;

/**
 * Encodes lists of store values for peer-to-peer answers as an Avro binary array of the value's schema:
 * exact (no JSON mapping to lose fields) and compact. Peers run the same build, so writer and reader
 * schema are the same.
 *
 * @param <V> the generated Avro class of the store's values
 */
public final class AvroListCodec<V extends SpecificRecord> {

    private final Schema arraySchema;
    private final SpecificDatumWriter<List<V>> writer;
    private final SpecificDatumReader<List<V>> reader;

    public AvroListCodec(Class<V> valueType) {
        this.arraySchema = Schema.createArray(SpecificData.get().getSchema(valueType));
        this.writer = new SpecificDatumWriter<>(arraySchema);
        this.reader = new SpecificDatumReader<>(arraySchema);
    }

    public byte[] encode(List<V> values) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        BinaryEncoder encoder = EncoderFactory.get().binaryEncoder(out, null);
        try {
            writer.write(values, encoder);
            encoder.flush();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot encode " + values.size() + " values as " + arraySchema, e);
        }
        return out.toByteArray();
    }

    public List<V> decode(byte[] bytes) {
        try {
            return new ArrayList<>(reader.read(null, DecoderFactory.get().binaryDecoder(bytes, null)));
        } catch (IOException | RuntimeException e) {
            throw new IllegalArgumentException(
                    "a peer's answer is not an Avro array of "
                            + arraySchema.getElementType().getFullName(),
                    e);
        }
    }
}
