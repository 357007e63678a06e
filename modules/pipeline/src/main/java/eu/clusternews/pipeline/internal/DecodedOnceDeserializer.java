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
        private final byte[] bytes;
        private final int hash;

        Content(byte[] bytes) {
            this.bytes = bytes;
            this.hash = Arrays.hashCode(bytes);
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
