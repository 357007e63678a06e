package eu.clusternews.pipeline;

import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.processor.StateStore;
import org.apache.kafka.streams.processor.StateStoreContext;
import org.apache.kafka.streams.state.KeyValueBytesStoreSupplier;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.Stores;
import org.apache.kafka.streams.state.internals.InMemoryKeyValueStore;

/**
 * Counts the writes to one topology's reference stores (the global stores of the ref-* topics), so that a stream
 * thread may keep the reference records it looked up for as long as the count stays the same ({@link
 * ReferenceSnapshots}) instead of reading and decoding them again for every news.
 *
 * <p>The count goes up after each write has landed in its store, and when a store is opened (again): a thread that reads
 * the count and then looks records up never keeps a record older than the count it read. Restores write through
 * {@code put} too (Kafka's in-memory store restores each record with it), so a store filled again counts as changed.
 */
final class ReferenceChanges {

    private final AtomicLong writes = new AtomicLong();

    /** The number of writes so far: equal numbers mean that no reference record changed in between. */
    long count() {
        return writes.get();
    }

    /** Kafka Streams' in-memory key-value store for a global table, counting its writes here. */
    KeyValueBytesStoreSupplier inMemoryStore(String name) {
        KeyValueBytesStoreSupplier kafkas = Stores.inMemoryKeyValueStore(name);
        return new KeyValueBytesStoreSupplier() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public KeyValueStore<Bytes, byte[]> get() {
                return new CountingStore(name, writes);
            }

            @Override
            public String metricsScope() {
                return kafkas.metricsScope();
            }
        };
    }

    /** The in-memory store, counting every write after it is made (putIfAbsent writes through put). */
    private static final class CountingStore extends InMemoryKeyValueStore {

        private final AtomicLong writes;

        CountingStore(String name, AtomicLong writes) {
            super(name);
            this.writes = writes;
        }

        @Override
        public void init(StateStoreContext context, StateStore root) {
            super.init(context, root);
            writes.incrementAndGet();
        }

        @Override
        public synchronized void put(Bytes key, byte[] value) {
            super.put(key, value);
            writes.incrementAndGet();
        }

        @Override
        public synchronized void putAll(List<KeyValue<Bytes, byte[]>> entries) {
            super.putAll(entries);
            writes.incrementAndGet();
        }

        @Override
        public synchronized byte[] delete(Bytes key) {
            byte[] old = super.delete(key);
            writes.incrementAndGet();
            return old;
        }
    }
}
