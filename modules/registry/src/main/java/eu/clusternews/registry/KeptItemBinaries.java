package eu.clusternews.registry;

import java.io.IOException;

import org.apache.avro.Schema;

/**
 * A list of records that keeps the Avro binary of each item once {@link NullableUnionWriter} has written it, so that
 * writing the list again, or a list made from its items, copies those bytes instead of encoding the items again. The
 * items must never change once their binary is kept: a list made of immutable values, such as an event's listed
 * reports, which are re-written at every commit while they rarely change. A binary is only valid for the item schema
 * it was written with (the same {@link Schema} object): a writer of another schema, such as a topic's latest
 * registered one, gets none and encodes the items itself.
 */
public interface KeptItemBinaries {

    /** The binary kept for the item at {@code index} written with {@code itemSchema}, or null when there is none. */
    byte[] binary(int index, Schema itemSchema);

    /** Keeps {@code binary}, the Avro binary of the item at {@code index} written with {@code itemSchema}. */
    void keep(int index, Schema itemSchema, byte[] binary);

    /** The binary kept for the item at {@code index} and {@code itemSchema}, else the one {@code encoding} makes, kept. */
    default byte[] binary(int index, Schema itemSchema, ItemEncoding encoding) throws IOException {
        byte[] binary = binary(index, itemSchema);
        if (binary == null) {
            binary = encoding.binaryOf(index);
            keep(index, itemSchema, binary);
        }
        return binary;
    }

    /** Encodes the item at an index of the list, in the item schema asked for. */
    @FunctionalInterface
    interface ItemEncoding {
        byte[] binaryOf(int index) throws IOException;
    }
}
