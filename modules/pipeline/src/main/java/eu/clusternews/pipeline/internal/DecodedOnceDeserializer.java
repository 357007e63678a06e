package eu.clusternews.pipeline.internal;

import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.serialization.Deserializer;

/**
 * Decodes each distinct value once: the same bytes give the same decoded object. For the reference data in the global
 * stores, which every news looks up several times and which rarely changes, comparing a few hundred bytes costs a
 * fraction of decoding them again. A changed record has other bytes and is decoded anew, so a lookup always sees
 * what the store holds now. Callers must not change the objects they get.
 *
 * <p>Bounded: when it holds {@code maxEntries} values it starts again empty. Safe for the stream threads and the
 * global thread to share.
 */
public final class DecodedOnceDeserializer<T> implements Deserializer<T> {

    private final Deserializer<T> inner;
    private final int maxEntries;
    private final Map<Content, T> decoded = new ConcurrentHashMap<>();

    public DecodedOnceDeserializer(Deserializer<T> inner, int maxEntries) {
        this.inner = inner;
        this.maxEntries = maxEntries;
    }

    @Override
    public void configure(Map<String, ?> configs, boolean isKey) {
        inner.configure(configs, isKey);
    }

    @Override
    public T deserialize(String topic, byte[] data) {
        return deserialize(topic, null, data);
    }

    @Override
    public T deserialize(String topic, Headers headers, byte[] data) {
        if (data == null) {
            return headers == null
                    ? inner.deserialize(topic, (byte[]) null)
                    : inner.deserialize(topic, headers, (byte[]) null);
        }
        Content key = new Content(data);
        T value = decoded.get(key);
        if (value == null) {
            value = headers == null ? inner.deserialize(topic, data) : inner.deserialize(topic, headers, data);
            if (value != null) {
                if (decoded.size() >= maxEntries) {
                    decoded.clear();
                }
                decoded.put(key, value);
            }
        }
        return value;
    }

    @Override
    public void close() {
        decoded.clear();
        inner.close();
    }

    /** Bytes compared by content. */
    private static final class Content {
        private static final int HEAD = 64;
        private static final int SAMPLES = 32;

        private final byte[] bytes;
        private final int hash;

        Content(byte[] bytes) {
            this.bytes = bytes;
            this.hash = sampledHash(bytes);
        }

        /**
         * A hash of the length, the first {@value #HEAD} bytes (where a record's id is) and {@value #SAMPLES} bytes
         * spread over the rest: every lookup hashes the bytes it got from the store, and hashing all of a record with
         * members (a kilobyte or more) cost more than the map lookup. Records alike in every sampled byte share a
         * bucket and are told apart by {@link #equals}, which compares every byte.
         */
        private static int sampledHash(byte[] bytes) {
            int hash = bytes.length;
            int head = Math.min(bytes.length, HEAD);
            for (int i = 0; i < head; i++) {
                hash = 31 * hash + bytes[i];
            }
            int rest = bytes.length - head;
            if (rest > 0) {
                int step = Math.max(1, rest / SAMPLES);
                for (int i = head; i < bytes.length; i += step) {
                    hash = 31 * hash + bytes[i];
                }
                hash = 31 * hash + bytes[bytes.length - 1];
            }
            return hash;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Content other && hash == other.hash && Arrays.equals(bytes, other.bytes);
        }

        @Override
        public int hashCode() {
            return hash;
        }
    }
}
