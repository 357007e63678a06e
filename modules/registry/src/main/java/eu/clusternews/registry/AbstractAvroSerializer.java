package eu.clusternews.registry;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

import org.apache.avro.Schema;
import org.apache.avro.SchemaCompatibility;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericDatumReader;
import org.apache.avro.generic.GenericDatumWriter;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.DatumWriter;
import org.apache.avro.io.DecoderFactory;
import org.apache.avro.io.EncoderFactory;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Serializer;

/**
 * Writes records in the Confluent wire format, finding the schema id through the registry once per (subject,
 * schema): registering the schema ({@code auto.register.schemas=true}, the default), looking it up, or taking the
 * subject's latest version ({@code use.latest.version=true}).
 */
abstract class AbstractAvroSerializer<T> implements Serializer<T> {

    private SchemaRegistryClient client;
    private boolean ownsClient;
    private AvroSerdeConfig settings = AvroSerdeConfig.defaults();
    private boolean isKey;
    private final ConcurrentMap<Target, Writer<T>> writers = new ConcurrentHashMap<>();

    /** Where a record goes: subject plus the record's own schema. */
    private record Target(String subject, Schema schema) {}

    /**
     * How a record of one target is written: under which id, with which encoder; {@code ownSchema}: the record's
     * own schema, so its Avro binary is what any writer of that schema writes.
     */
    private record Writer<T>(int schemaId, Encoding<T> encoding, boolean ownSchema) {}

    @FunctionalInterface
    private interface Encoding<T> {
        void write(T record, BinaryEncoder encoder) throws IOException;
    }

    AbstractAvroSerializer(SchemaRegistryClient client) {
        this.client = client;
    }

    /** The schema the record says it has. */
    abstract Schema schemaOf(T record);

    /** A writer for records of this schema. */
    abstract DatumWriter<T> datumWriter(Schema schema);

    @Override
    public void configure(Map<String, ?> config, boolean isKey) {
        this.isKey = isKey;
        this.settings = AvroSerdeConfig.from(config, isKey);
        if (client == null) {
            client = SchemaRegistryClients.fromConfig(config);
            ownsClient = true;
        }
        writers.clear();
    }

    @Override
    public byte[] serialize(String topic, T record) {
        return serialize(topic, record, null, 0);
    }

    /**
     * The same bytes as {@link #serialize(String, Object) serialize(topic, record)}, from the record's Avro binary
     * already written with its own schema (at {@code offset} in {@code binary}, to the end): the binary is framed,
     * not written again. When this serializer writes another schema ({@code use.latest.version} with a different
     * latest) it encodes the record as {@code serialize} does.
     */
    public byte[] serializeWritten(String topic, T record, byte[] binary, int offset) {
        return serialize(topic, record, Objects.requireNonNull(binary, "binary"), offset);
    }

    /**
     * As {@link #serializeWritten serializeWritten}, for a binary written after {@link ConfluentWireFormat#HEADER_SIZE}
     * bytes left free at the start of {@code framed}: the header goes into them and {@code framed} itself is returned,
     * so a record of some KB is not copied once more. The caller hands the array over and must not use it again.
     */
    public byte[] serializeFramed(String topic, T record, byte[] framed) {
        Objects.requireNonNull(framed, "framed");
        if (record == null) {
            return null; // tombstone
        }
        Writer<T> writer = writerOf(topic, record);
        if (!writer.ownSchema()) {
            return encode(topic, record, writer);
        }
        byte[] header = ConfluentWireFormat.header(writer.schemaId());
        System.arraycopy(header, 0, framed, 0, header.length);
        return framed;
    }

    private byte[] serialize(String topic, T record, byte[] written, int offset) {
        if (record == null) {
            return null; // tombstone
        }
        Writer<T> writer = writerOf(topic, record);
        if (written != null && writer.ownSchema()) {
            byte[] header = ConfluentWireFormat.header(writer.schemaId());
            byte[] framed = new byte[header.length + written.length - offset];
            System.arraycopy(header, 0, framed, 0, header.length);
            System.arraycopy(written, offset, framed, header.length, written.length - offset);
            return framed;
        }
        return encode(topic, record, writer);
    }

    /** The writer of the record's schema under the topic's subject (registered or looked up once). */
    private Writer<T> writerOf(String topic, T record) {
        if (client == null) {
            throw new SerializationException("Serializer for topic '" + topic
                    + "' is not configured: call configure() with " + SchemaRegistryConfig.SCHEMA_REGISTRY_URL
                    + ", or construct it with a SchemaRegistryClient");
        }
        Schema schema = schemaOf(record);
        String subject;
        try {
            subject = settings.subjectNameStrategy().subjectName(topic, isKey, schema);
        } catch (IllegalArgumentException e) {
            throw new SerializationException("Cannot name the subject for topic '" + topic + "': " + e.getMessage(), e);
        }
        return writers.computeIfAbsent(new Target(subject, schema), target -> writerFor(topic, target));
    }

    /** The record encoded by the writer, in the Confluent wire format. */
    private byte[] encode(String topic, T record, Writer<T> writer) {
        // one buffer and one buffered encoder per thread (serializers are shared between stream threads): a 3-5 KB
        // record is then written into an already grown array in a few bulk copies, not byte by byte into a new one
        ThreadBuffer buffer = THREAD_BUFFER.get();
        buffer.out.reset();
        buffer.out.writeBytes(ConfluentWireFormat.header(writer.schemaId()));
        try {
            buffer.encoder = EncoderFactory.get().binaryEncoder(buffer.out, buffer.encoder);
            writer.encoding().write(record, buffer.encoder);
            buffer.encoder.flush();
            // copied before the finally block may drop a huge buffer: after it, a record over 1 MiB would be 0 bytes
            return buffer.out.toByteArray();
        } catch (IOException | RuntimeException e) {
            buffer.encoder = null; // it may hold part of the failed record: never flush that into the next one
            throw new SerializationException(
                    "Cannot write a " + schemaOf(record).getFullName() + " as the " + ConfluentWireFormat.part(isKey)
                            + " of topic '" + topic + "': " + e.getMessage(),
                    e);
        } finally {
            buffer.shrinkIfHuge();
        }
    }

    private static final ThreadLocal<ThreadBuffer> THREAD_BUFFER = ThreadLocal.withInitial(ThreadBuffer::new);

    /** A thread's reusable output: the array keeps the size of the largest record written, up to {@link #KEEP_BYTES}. */
    private static final class ThreadBuffer {
        /** Larger buffers are dropped after use, so one huge record does not pin memory in every thread. */
        private static final int KEEP_BYTES = 1 << 20;

        private ByteArrayOutputStream out = new ByteArrayOutputStream(8192);
        private BinaryEncoder encoder;

        void shrinkIfHuge() {
            if (out.size() > KEEP_BYTES) {
                out = new ByteArrayOutputStream(8192);
                encoder = null;
            }
        }
    }

    private Writer<T> writerFor(String topic, Target target) {
        Schema registered =
                settings.removeJavaProperties() ? AvroSchemas.withoutJavaProperties(target.schema()) : target.schema();
        DatumWriter<T> own = datumWriter(target.schema());
        try {
            if (settings.useLatestVersion()) {
                RegisteredSchema latest = client.getLatest(target.subject());
                if (AvroSchemas.sameCanonical(latest.schema(), registered)
                        || latest.schema().equals(target.schema())) {
                    return new Writer<>(latest.id(), own::write, true);
                }
                return new Writer<>(latest.id(), converting(topic, target, latest), false);
            }
            int id = settings.autoRegister()
                    ? client.register(target.subject(), registered)
                    : client.getId(target.subject(), registered);
            return new Writer<>(id, own::write, true);
        } catch (SubjectNotFoundException | SchemaNotRegisteredException e) {
            throw new SerializationException(
                    "Cannot write the " + ConfluentWireFormat.part(isKey) + " of topic '" + topic
                            + "': " + e.getMessage()
                            + (settings.autoRegister()
                                    ? ""
                                    : " (" + SchemaRegistryConfig.AUTO_REGISTER_SCHEMAS
                                            + "=false, so the serializer does not register it itself)"),
                    e);
        } catch (RegistryUnreachableException e) {
            // an outage is not the record's fault: not a SerializationException, which callers may treat as bad data
            throw new RegistryUnreachableException(
                    "Cannot write the " + ConfluentWireFormat.part(isKey) + " of topic '" + topic + "': "
                            + e.getMessage(),
                    e.url(),
                    e.status(),
                    e);
        } catch (SchemaRegistryException e) {
            throw new SerializationException(
                    "Cannot write the " + ConfluentWireFormat.part(isKey) + " of topic '" + topic + "': "
                            + e.getMessage(),
                    e);
        }
    }

    /**
     * use.latest.version with a latest schema that differs from the record's: write the record with its own schema
     * and resolve it into the latest one, as a reader would — field order and added defaulted fields come out right.
     */
    private Encoding<T> converting(String topic, Target target, RegisteredSchema latest) {
        var compatibility = SchemaCompatibility.checkReaderWriterCompatibility(latest.schema(), target.schema());
        if (compatibility.getType() != SchemaCompatibility.SchemaCompatibilityType.COMPATIBLE) {
            throw new SerializationException("Cannot write " + target.schema().getFullName() + " to topic '" + topic
                    + "' with the latest schema of subject '" + target.subject() + "' (id " + latest.id()
                    + ", use.latest.version=true): " + compatibility.getDescription());
        }
        DatumWriter<T> own = datumWriter(target.schema());
        GenericDatumReader<Object> resolver =
                new GenericDatumReader<>(target.schema(), latest.schema(), GenericData.get());
        GenericDatumWriter<Object> latestWriter = new GenericDatumWriter<>(latest.schema(), GenericData.get());
        return (record, encoder) -> {
            ByteArrayOutputStream ownBytes = new ByteArrayOutputStream(256);
            BinaryEncoder ownEncoder = EncoderFactory.get().directBinaryEncoder(ownBytes, null);
            own.write(record, ownEncoder);
            ownEncoder.flush();
            Object resolved = resolver.read(null, DecoderFactory.get().binaryDecoder(ownBytes.toByteArray(), null));
            latestWriter.write(resolved, encoder);
        };
    }

    @Override
    public void close() {
        if (ownsClient) {
            SchemaRegistryClients.closeQuietly(client);
        }
    }
}
