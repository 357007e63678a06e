package eu.clusternews.registry;

import java.io.IOException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

import org.apache.avro.AvroRuntimeException;
import org.apache.avro.Schema;
import org.apache.avro.io.BinaryDecoder;
import org.apache.avro.io.DatumReader;
import org.apache.avro.io.DecoderFactory;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Deserializer;

/**
 * Reads records in the Confluent wire format: the writer's schema comes from the registry by the id in the header
 * (cached forever), and is resolved to the reader's schema with a datum reader cached per writer id. Null bytes
 * (tombstones) become null; bytes that cannot be read become a {@link SerializationException} that says the topic and
 * what was wrong. A registry that gives no usable answer is an outage, thrown as {@link RegistryUnreachableException}.
 */
abstract class AbstractAvroDeserializer<T> implements Deserializer<T> {

    private SchemaRegistryClient client;
    private boolean ownsClient;
    private boolean isKey;
    private final ConcurrentMap<Integer, DatumReader<T>> readersByWriterId = new ConcurrentHashMap<>();
    private final ConcurrentMap<Integer, Boolean> readerLayoutByWriterId = new ConcurrentHashMap<>();

    AbstractAvroDeserializer(SchemaRegistryClient client) {
        this.client = client;
    }

    /**
     * The datum reader for data written with this schema.
     *
     * @throws SerializationException when the writer's schema cannot be resolved to the reader's
     */
    abstract DatumReader<T> datumReader(String topic, int writerId, Schema writerSchema);

    /** Whether data written with this schema has the binary layout of the reader's schema; false unless known. */
    boolean hasReaderLayout(Schema writerSchema) {
        return false;
    }

    @Override
    public void configure(Map<String, ?> config, boolean isKey) {
        this.isKey = isKey;
        if (client == null) {
            client = SchemaRegistryClients.fromConfig(config);
            ownsClient = true;
        }
        readersByWriterId.clear();
        readerLayoutByWriterId.clear();
    }

    /**
     * Whether the Avro binary after the header of {@code data} (a record this deserializer has read) is laid out as the
     * reader's schema lays it out: written with a schema of the same Parsing Canonical Form, which Avro defines as the
     * form that decides the binary encoding. Then those bytes are a valid encoding of the decoded record in the reader's
     * schema and can be copied instead of encoding the record again. Cached per writer schema id.
     */
    public boolean inReaderLayout(String topic, byte[] data) {
        if (data == null) {
            return false;
        }
        int writerId = ConfluentWireFormat.schemaId(topic, isKey, data);
        return readerLayoutByWriterId.computeIfAbsent(writerId, id -> hasReaderLayout(writerSchema(topic, id)));
    }

    @Override
    public T deserialize(String topic, byte[] data) {
        if (data == null) {
            return null; // tombstone
        }
        if (client == null) {
            throw new SerializationException("Deserializer for topic '" + topic
                    + "' is not configured: call configure()" + " with " + SchemaRegistryConfig.SCHEMA_REGISTRY_URL
                    + ", or construct it with a SchemaRegistryClient");
        }
        int writerId = ConfluentWireFormat.schemaId(topic, isKey, data);
        DatumReader<T> reader =
                readersByWriterId.computeIfAbsent(writerId, id -> datumReader(topic, id, writerSchema(topic, id)));
        BinaryDecoder decoder = DecoderFactory.get()
                .binaryDecoder(
                        data, ConfluentWireFormat.HEADER_SIZE, data.length - ConfluentWireFormat.HEADER_SIZE, null);
        try {
            return reader.read(null, decoder);
        } catch (IOException | AvroRuntimeException | IndexOutOfBoundsException | NegativeArraySizeException e) {
            throw new SerializationException(
                    prefix(topic) + "truncated or corrupt Avro data after the header (schema id " + writerId + ", "
                            + data.length + " bytes): " + e,
                    e);
        }
    }

    /**
     * The writer's schema. Only the registry's own "no such id" (or a schema that is not Avro) is the record's fault and
     * a {@link SerializationException}; any other failure is an outage, thrown as a {@link RegistryUnreachableException}
     * (not a SerializationException), so that no caller skips or dead-letters a good record because the registry is down.
     */
    private Schema writerSchema(String topic, int id) {
        try {
            return client.getById(id);
        } catch (UnknownSchemaIdException e) {
            throw new SerializationException(
                    prefix(topic) + "unknown schema id " + id + " at " + client.url()
                            + " (written against another registry, or this registry lost its schemas)",
                    e);
        } catch (UnsupportedSchemaTypeException e) {
            throw new SerializationException(prefix(topic) + e.getMessage(), e);
        } catch (RegistryUnreachableException e) {
            throw new RegistryUnreachableException(
                    prefix(topic) + "cannot fetch writer schema id " + id + ": " + e.getMessage(),
                    e.url(),
                    e.status(),
                    e);
        } catch (SchemaRegistryException e) {
            // an answer that is neither the schema nor "unknown id" (400, 405, a schema without text, ...): the
            // registry or
            // a proxy in front of it misbehaves; the record may well be fine
            throw new RegistryUnreachableException(
                    prefix(topic) + "the registry at " + client.url() + " gave no usable answer for writer schema id "
                            + id + ": " + e.getMessage(),
                    client.url(),
                    e.status(),
                    e);
        }
    }

    String prefix(String topic) {
        return "Cannot read the " + ConfluentWireFormat.part(isKey) + " of a record in topic '" + topic + "': ";
    }

    @Override
    public void close() {
        if (ownsClient) {
            SchemaRegistryClients.closeQuietly(client);
        }
    }
}
