package eu.clusternews.registry;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.Map;

import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericDatumWriter;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.DecoderFactory;
import org.apache.avro.io.EncoderFactory;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificRecord;

/**
 * Records of any schema with every field filled (non-null union branches, non-empty arrays and maps), so a round
 * trip exercises every field of the contract, not just the required ones.
 */
final class SampleRecords {

    private SampleRecords() {}

    /** A fully filled instance of the generated class; the seed varies the values. */
    static <T extends SpecificRecord> T sample(Class<T> type, int seed) {
        Schema schema = SpecificData.get().getSchema(type);
        GenericRecord generic = (GenericRecord) value(schema, seed, "root");
        SpecificData model = JavaListSpecificDatumReader.modelFor(type);
        try {
            byte[] bytes = encode(generic);
            return new JavaListSpecificDatumReader<T>(schema, schema, model)
                    .read(null, DecoderFactory.get().binaryDecoder(bytes, null));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A fully filled generic record of the schema. */
    static GenericRecord sample(Schema schema, int seed) {
        return (GenericRecord) value(schema, seed, "root");
    }

    static byte[] encode(GenericRecord record) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        BinaryEncoder encoder = EncoderFactory.get().binaryEncoder(out, null);
        new GenericDatumWriter<GenericRecord>(record.getSchema()).write(record, encoder);
        encoder.flush();
        return out.toByteArray();
    }

    private static Object value(Schema schema, int seed, String name) {
        return switch (schema.getType()) {
            case RECORD -> {
                GenericData.Record record = new GenericData.Record(schema);
                for (Schema.Field field : schema.getFields()) {
                    record.put(field.name(), value(field.schema(), seed + field.pos(), field.name()));
                }
                yield record;
            }
            case UNION ->
                value(
                        schema.getTypes().stream()
                                .filter(t -> t.getType() != Schema.Type.NULL)
                                .findFirst()
                                .orElse(schema.getTypes().get(0)),
                        seed,
                        name);
            case ARRAY ->
                List.of(value(schema.getElementType(), seed, name), value(schema.getElementType(), seed + 1, name));
            case MAP -> Map.of("k" + seed, value(schema.getValueType(), seed, name));
            case ENUM ->
                new GenericData.EnumSymbol(
                        schema,
                        schema.getEnumSymbols()
                                .get(seed % schema.getEnumSymbols().size()));
            case STRING -> name + "-" + seed + "-ünïcødé";
            case INT -> 17_000 + seed; // also a valid date (days since 1970)
            case LONG -> 1_495_000_000_000L + seed; // also a valid timestamp-millis
            case FLOAT -> seed + 0.5f;
            case DOUBLE -> seed + 0.25;
            case BOOLEAN -> seed % 2 == 0;
            case BYTES -> ByteBuffer.wrap(new byte[] {(byte) seed, 1, 2});
            case FIXED -> new GenericData.Fixed(schema, new byte[schema.getFixedSize()]);
            case NULL -> null;
        };
    }
}
