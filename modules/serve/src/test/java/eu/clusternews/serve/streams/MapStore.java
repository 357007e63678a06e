package eu.clusternews.serve.streams;

import java.util.Iterator;
import java.util.Map;
import java.util.TreeMap;

import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;

/** A read-only key-value store over a map, standing in for a local Kafka Streams store. */
final class MapStore<V> implements ReadOnlyKeyValueStore<String, V> {

    private final TreeMap<String, V> values;

    MapStore(Map<String, V> values) {
        this.values = new TreeMap<>(values);
    }

    @Override
    public V get(String key) {
        return values.get(key);
    }

    @Override
    public KeyValueIterator<String, V> range(String from, String to) {
        return iterator(values.subMap(from, true, to, true));
    }

    @Override
    public KeyValueIterator<String, V> all() {
        return iterator(values);
    }

    @Override
    public long approximateNumEntries() {
        return values.size();
    }

    private static <V> KeyValueIterator<String, V> iterator(Map<String, V> map) {
        Iterator<Map.Entry<String, V>> entries = map.entrySet().iterator();
        return new KeyValueIterator<>() {
            @Override
            public boolean hasNext() {
                return entries.hasNext();
            }

            @Override
            public KeyValue<String, V> next() {
                Map.Entry<String, V> e = entries.next();
                return KeyValue.pair(e.getKey(), e.getValue());
            }

            @Override
            public void close() {}

            @Override
            public String peekNextKey() {
                throw new UnsupportedOperationException();
            }
        };
    }
}
