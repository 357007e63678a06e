package eu.clusternews.pipeline.internal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.apache.avro.io.BinaryDecoder;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.EncoderFactory;

/**
 * A record's Avro binary in its current schema, written and read field by field, for records the hot path encodes or
 * decodes once per news: Avro's generic writer and reader walk the schema for every record (a resolving parser, a
 * lookup of the string class per string, a union resolved by name, records made by reflection) and cost several times
 * as much. Each layout lists its fields ({@link #fields()}), and a test checks them against the schema, so that a
 * schema change cannot pass unnoticed; records of older schemas still go through Avro's resolving reader.
 */
public interface BinaryLayout<T> {

    /** The fields in the order written, as {@code name type}: what the layout test compares with the schema. */
    List<String> fields();

    void write(T record, BinaryEncoder out) throws IOException;

    T read(BinaryDecoder in) throws IOException;

    /**
     * The record's binary alone (no header), as {@link #write} writes it. Unbuffered: a buffered encoder made per
     * record allocated its 2 KB buffer and an NIO channel each time (an event's write-back encodes each listed report).
     */
    default byte[] binary(T record) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(256);
        BinaryEncoder encoder = EncoderFactory.get().directBinaryEncoder(bytes, null);
        write(record, encoder);
        encoder.flush();
        return bytes.toByteArray();
    }

    /** The branch of a {@code ["null", T]} union: whether a value follows. */
    static boolean present(BinaryDecoder in) throws IOException {
        int branch = in.readIndex();
        if (branch != 0 && branch != 1) {
            throw new IOException("union branch " + branch + " out of range");
        }
        return branch == 1;
    }

    static String nullableString(BinaryDecoder in) throws IOException {
        return present(in) ? in.readString() : null;
    }

    static LocalDate nullableDate(BinaryDecoder in) throws IOException {
        return present(in) ? LocalDate.ofEpochDay(in.readInt()) : null;
    }

    /** An {@code array<string>} as a plain list (so that {@code equals} works on the records it is in). */
    static List<String> strings(BinaryDecoder in) throws IOException {
        return strings(in, items -> items.readString());
    }

    /** Reads one string item of an array. */
    @FunctionalInterface
    interface StringItem {
        String read(BinaryDecoder in) throws IOException;
    }

    /** An {@code array<string>} as a plain list, each item read by {@code item}. */
    static List<String> strings(BinaryDecoder in, StringItem item) throws IOException {
        long n = in.readArrayStart();
        List<String> items = new ArrayList<>((int) Math.min(n, 64));
        for (; n > 0; n = in.arrayNext()) {
            for (long i = 0; i < n; i++) {
                items.add(item.read(in));
            }
        }
        return items;
    }

    /** The index of an enum symbol, checked against the symbols this version knows. */
    static int enumIndex(BinaryDecoder in, int symbols) throws IOException {
        int index = in.readEnum();
        if (index < 0 || index >= symbols) {
            throw new IOException("enum symbol " + index + " out of range");
        }
        return index;
    }

    static void writeNullable(String value, BinaryEncoder out) throws IOException {
        if (value == null) {
            out.writeIndex(0);
        } else {
            out.writeIndex(1);
            out.writeString(value);
        }
    }

    static void writeNullable(LocalDate value, BinaryEncoder out) throws IOException {
        if (value == null) {
            out.writeIndex(0);
        } else {
            out.writeIndex(1);
            out.writeInt((int) value.toEpochDay());
        }
    }

    static void writeStrings(List<String> values, BinaryEncoder out) throws IOException {
        out.writeArrayStart();
        out.setItemCount(values.size());
        for (String value : values) {
            out.startItem();
            out.writeString(value);
        }
        out.writeArrayEnd();
    }
}
