package eu.clusternews.registry;

import java.nio.ByteBuffer;

import org.apache.kafka.common.errors.SerializationException;

/**
 * The Confluent wire format: byte 0 is the magic byte 0, bytes 1-4 the schema id (big-endian), then the Avro binary
 * encoding of the record.
 */
public final class ConfluentWireFormat {

    public static final byte MAGIC_BYTE = 0;
    /** Magic byte plus schema id. */
    public static final int HEADER_SIZE = 5;

    private ConfluentWireFormat() {}

    /** The 5-byte header for records written with this schema id. */
    public static byte[] header(int schemaId) {
        return ByteBuffer.allocate(HEADER_SIZE).put(MAGIC_BYTE).putInt(schemaId).array();
    }

    /**
     * The schema id in the header of these bytes.
     *
     * @throws SerializationException naming the topic when the bytes are not in the format
     */
    public static int schemaId(String topic, boolean isKey, byte[] data) {
        if (data.length == 0 || data[0] != MAGIC_BYTE) {
            throw new SerializationException("Cannot read the " + part(isKey) + " of a record in topic '" + topic
                    + "': not Confluent Avro ("
                    + (data.length == 0
                            ? "no bytes at all"
                            : String.format("first byte is 0x%02X, not the magic byte 0x00", data[0] & 0xFF))
                    + "). Was it written by a Confluent-format Avro serializer?");
        }
        if (data.length < HEADER_SIZE) {
            throw new SerializationException("Cannot read the " + part(isKey) + " of a record in topic '" + topic
                    + "': truncated, " + data.length + " bytes where the Confluent header alone needs " + HEADER_SIZE);
        }
        return ByteBuffer.wrap(data, 1, 4).getInt();
    }

    static String part(boolean isKey) {
        return isKey ? "key" : "value";
    }
}
