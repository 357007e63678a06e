package eu.clusternews.registry;

/**
 * A list of records that keeps the Avro binary of each item once {@link NullableUnionWriter} has written it, so that
 * writing the list again, or a list made from its items, copies those bytes instead of encoding the items again. The
 * items must never change once their binary is kept: a list made of immutable values, such as an event's listed
 * reports, which are re-written at every commit while they rarely change.
 */
public interface KeptItemBinaries {

    /** The kept binary of the item at {@code index}, or null when it was not written yet. */
    byte[] binary(int index);

    /** Keeps {@code binary}, the Avro binary of the item at {@code index}. */
    void keep(int index, byte[] binary);
}
