package eu.clusternews.pipeline.internal;

import java.io.IOException;
import java.util.Arrays;
import java.util.List;

import org.apache.avro.io.BinaryDecoder;
import org.apache.avro.util.Utf8;

/**
 * Reads ids (of organisations, consortia, programmes) as one {@code String} instance per id: news mention the same
 * few hundred ids over and over, and every step after decoding hashes or compares them (the enrichment memo's key, the
 * per-record lookups, the fan-out's id lists, the activities' id sets). A fresh string per news computes its hash
 * anew each time and compares by its bytes; the same instance has its hash kept and compares equal at once.
 *
 * <p>A direct-mapped cache of {@value #SLOTS} entries: an id whose slot holds another one replaces it, so memory stays
 * bounded whatever ids come. Entries are immutable and a slot is one reference, so stream threads share the cache
 * without locks (a race loses an entry, never mixes two). Each lookup checks the bytes, so a collision only costs a
 * new string.
 */
final class IdStrings {

    private static final int SLOTS = 4096;

    /** Ids longer than this are read as plain strings: not worth keeping. */
    private static final int MAX_BYTES = 256;

    private record Entry(byte[] utf8, String id) {}

    private static final Entry[] ENTRIES = new Entry[SLOTS];

    private IdStrings() {}

    /** A non-null string, as the instance kept for its bytes. {@code scratch} is the caller's, reused across ids. */
    static String read(BinaryDecoder in, Utf8 scratch) throws IOException {
        Utf8 utf8 = in.readString(scratch);
        int length = utf8.getByteLength();
        byte[] bytes = utf8.getBytes();
        if (length > MAX_BYTES) {
            return utf8.toString();
        }
        int hash = 1;
        for (int i = 0; i < length; i++) {
            hash = 31 * hash + bytes[i];
        }
        int slot = (hash ^ (hash >>> 16)) & (SLOTS - 1);
        Entry entry = ENTRIES[slot];
        if (entry != null && Arrays.equals(entry.utf8, 0, entry.utf8.length, bytes, 0, length)) {
            return entry.id;
        }
        String id = utf8.toString();
        ENTRIES[slot] = new Entry(Arrays.copyOf(bytes, length), id);
        return id;
    }

    /** A {@code ["null", string]} union. */
    static String readNullable(BinaryDecoder in, Utf8 scratch) throws IOException {
        return BinaryLayout.present(in) ? read(in, scratch) : null;
    }

    /** An {@code array<string>} as a plain list of kept instances. */
    static List<String> readAll(BinaryDecoder in, Utf8 scratch) throws IOException {
        return BinaryLayout.strings(in, items -> read(items, scratch));
    }
}
