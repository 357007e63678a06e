package eu.clusternews.pipeline.internal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.HexFormat;
import java.util.Map;
import java.util.Objects;

import eu.clusternews.avro.ReleasedSchemas;
import eu.clusternews.registry.NullableUnionWriter;
import eu.clusternews.registry.PlainLists;
import org.apache.avro.Schema;
import org.apache.avro.SchemaNormalization;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.DecoderFactory;
import org.apache.avro.io.EncoderFactory;
import org.apache.avro.message.BadHeaderException;
import org.apache.avro.message.BinaryMessageDecoder;
import org.apache.avro.message.MissingSchemaException;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificDatumWriter;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serializer;

/**
 * The encoding of the pipeline's internal data (repartition topics, state stores and their changelogs): Avro's
 * single-object encoding (two marker bytes, the writer schema's 64-bit fingerprint, the Avro binary), with every
 * writer schema it accepts held in the jar. Only this application reads these records, so they need no schema
 * registry: a registry outage can never make a contribution or an aggregate undecodable. A newer release still
 * reads what an older one wrote: the decoder knows the current schema and those of every release in
 * {@code schemas/releases/}, and resolves them to the current one.
 *
 * <p>Public topics keep the Confluent wire format and registered schemas.
 */
public final class InternalAvroSerde<T extends SpecificRecord> implements Serde<T>, Serializer<T>, Deserializer<T> {

    private static final byte CONFLUENT_MAGIC = 0;

    private final Class<T> type;
    /** Avro's single-object header: the marker bytes C3 01 and the schema's CRC-64-AVRO fingerprint. */
    private final byte[] header;

    private final SpecificDatumWriter<T> writer;
    private final BinaryMessageDecoder<T> decoder;
    /** Whether decoded records get plain lists, so that {@code equals} works on them (see {@link PlainLists}). */
    private final boolean plainLists;
    /** Writes, and reads records of the current schema, field by field; null: Avro's writer and reader do. */
    private final BinaryLayout<T> layout;

    private InternalAvroSerde(Class<T> type, BinaryLayout<T> layout) {
        this.type = type;
        this.layout = layout;
        SpecificData model = SpecificData.getForClass(type);
        Schema current = model.getSchema(type);
        this.header = new byte[10];
        header[0] = (byte) 0xC3;
        header[1] = (byte) 0x01;
        long fingerprint = SchemaNormalization.parsingFingerprint64(current);
        for (int i = 0; i < 8; i++) { // little-endian, as Avro writes it
            header[2 + i] = (byte) (fingerprint >>> (8 * i));
        }
        this.writer = new NullableUnionWriter<>(current, model);
        this.decoder = new BinaryMessageDecoder<>(model, current);
        this.plainLists = PlainLists.needed(current);
        for (Schema released : ReleasedSchemas.of(current.getFullName())) {
            decoder.addSchema(released);
        }
    }

    /**
     * Where the Avro binary starts in bytes this serde wrote with the current schema (after the single-object header),
     * or -1 when they were not written so (another schema, or not this encoding).
     */
    public int avroBinaryOffset(byte[] singleObject) {
        if (singleObject.length < header.length) {
            return -1;
        }
        for (int i = 0; i < header.length; i++) {
            if (singleObject[i] != header[i]) {
                return -1;
            }
        }
        return header.length;
    }

    /** The single-object header this serde writes before the Avro binary of the current schema. */
    byte[] singleObjectHeader() {
        return header.clone();
    }

    /** The serde of one generated record class. */
    public static <T extends SpecificRecord> InternalAvroSerde<T> of(Class<T> type) {
        return new InternalAvroSerde<>(type, null);
    }

    /**
     * The serde of one generated record class whose current schema {@code layout} writes and reads (the same bytes);
     * records of older schemas are read by Avro's resolving reader.
     */
    public static <T extends SpecificRecord> InternalAvroSerde<T> of(Class<T> type, BinaryLayout<T> layout) {
        return new InternalAvroSerde<>(type, Objects.requireNonNull(layout, "layout"));
    }

    /**
     * The same bytes as Avro's {@code BinaryMessageEncoder}, written through a buffered encoder into a per-thread
     * buffer: its unbuffered encoder writes every field to the stream separately.
     */
    @Override
    public byte[] serialize(String topic, T data) {
        if (data == null) {
            return null;
        }
        Buffer buffer = BUFFER.get();
        buffer.reset();
        buffer.write(header, 0, header.length);
        buffer.encoder = EncoderFactory.get().binaryEncoder(buffer, buffer.encoder);
        try {
            if (layout != null) {
                layout.write(data, buffer.encoder);
            } else {
                writer.write(data, buffer.encoder);
            }
            buffer.encoder.flush();
        } catch (IOException | RuntimeException e) {
            buffer.encoder = null; // it may hold part of the failed record: never flush that into the next one
            throw new SerializationException(
                    "Cannot encode a " + type.getSimpleName() + " for " + topic + ": " + e.getMessage(), e);
        }
        byte[] bytes = buffer.toByteArray();
        buffer.shrinkIfHuge();
        return bytes;
    }

    private static final ThreadLocal<Buffer> BUFFER = ThreadLocal.withInitial(Buffer::new);

    /** A reusable output buffer with its encoder; dropped back to a small size after an unusually large record. */
    private static final class Buffer extends ByteArrayOutputStream {
        private static final int INITIAL = 8 * 1024;
        private static final int KEEP_AT_MOST = 1024 * 1024;
        BinaryEncoder encoder;

        Buffer() {
            super(INITIAL);
        }

        void shrinkIfHuge() {
            if (buf.length > KEEP_AT_MOST) {
                buf = new byte[INITIAL];
            }
        }
    }

    @Override
    public T deserialize(String topic, byte[] data) {
        if (data == null) {
            return null;
        }
        try {
            if (layout != null && avroBinaryOffset(data) == header.length) {
                return layout.read(
                        DecoderFactory.get().binaryDecoder(data, header.length, data.length - header.length, null));
            }
            T decoded = decoder.decode(data);
            return plainLists ? PlainLists.in(decoded) : decoded;
        } catch (MissingSchemaException e) {
            throw new SerializationException(
                    "A " + type.getSimpleName() + " in " + topic
                            + " was written with a schema this version does not know (" + e.getMessage()
                            + "): written by a"
                            + " newer clusternews? Run the same or a newer version.",
                    e);
        } catch (BadHeaderException e) {
            throw new SerializationException(notOurs(topic, data), e);
        } catch (IOException | RuntimeException e) {
            throw new SerializationException(
                    "Cannot decode a " + type.getSimpleName() + " in " + topic + ": " + e.getMessage(), e);
        }
    }

    private String notOurs(String topic, byte[] data) {
        String start = HexFormat.ofDelimiter(" ").formatHex(data, 0, Math.min(data.length, 6));
        if (data.length > 5 && data[0] == CONFLUENT_MAGIC) {
            return "A record in " + topic + " is in the Confluent wire format (" + start + " ...), as clusternews 0.1"
                    + " wrote internal data; this version encodes it without the schema registry. Rebuild the state"
                    + " once with `clusternews reprocess`.";
        }
        return "A record in " + topic + " is not a " + type.getSimpleName() + " in clusternews' internal encoding"
                + " (it starts " + start + ")";
    }

    @Override
    public Serializer<T> serializer() {
        return this;
    }

    @Override
    public Deserializer<T> deserializer() {
        return this;
    }

    @Override
    public void configure(Map<String, ?> configs, boolean isKey) {
        // nothing to configure: the schemas are in the jar
    }

    @Override
    public void close() {
        // nothing held
    }
}
