package eu.clusternews.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Proxy;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.processor.StateRestoreCallback;
import org.apache.kafka.streams.processor.StateStoreContext;
import org.apache.kafka.streams.processor.api.MockProcessorContext;
import org.apache.kafka.streams.processor.internals.RecordBatchingStateRestoreCallback;
import org.apache.kafka.streams.state.KeyValueBytesStoreSupplier;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.Stores;
import org.junit.jupiter.api.Test;

class ReferenceChangesTest {

    private final ReferenceChanges changes = new ReferenceChanges();

    @Test
    void everyWriteToAnyReferenceStoreIsCountedAfterItLanded() {
        KeyValueStore<Bytes, byte[]> organisations =
                changes.inMemoryStore("ref-organisations-store").get();
        KeyValueStore<Bytes, byte[]> consortia =
                changes.inMemoryStore("ref-consortia-store").get();
        Bytes key = Bytes.wrap(new byte[] {1});

        long start = changes.count();
        organisations.put(key, new byte[] {2});
        long afterPut = changes.count();
        consortia.putAll(List.of(KeyValue.pair(key, new byte[] {3})));
        long afterPutAll = changes.count();
        organisations.putIfAbsent(Bytes.wrap(new byte[] {9}), new byte[] {4});
        long afterPutIfAbsent = changes.count();
        consortia.delete(key);
        long afterDelete = changes.count();

        assertThat(List.of(start, afterPut, afterPutAll, afterPutIfAbsent, afterDelete))
                .isSortedAccordingTo(Long::compare)
                .doesNotHaveDuplicates();
        assertThat(organisations.get(key)).containsExactly(2);
        assertThat(consortia.get(key)).isNull();
    }

    @Test
    void aRestoredRecordIsCountedLikeAWrite() {
        // the store restores through put, in Kafka's code: this fails if an upgrade restores another way
        KeyValueStore<Bytes, byte[]> organisations =
                changes.inMemoryStore("ref-organisations-store").get();
        StateStoreContext mock = new MockProcessorContext<>().getStateStoreContext();
        AtomicReference<StateRestoreCallback> restore = new AtomicReference<>();
        StateStoreContext capturing = (StateStoreContext) Proxy.newProxyInstance(
                StateStoreContext.class.getClassLoader(),
                new Class<?>[] {StateStoreContext.class},
                (proxy, method, args) -> {
                    if (method.getName().equals("register")) {
                        restore.set((StateRestoreCallback) args[1]);
                        return null;
                    }
                    return method.invoke(mock, args);
                });
        organisations.init(capturing, organisations);
        long count = changes.count();

        ((RecordBatchingStateRestoreCallback) restore.get())
                .restoreBatch(
                        List.of(new ConsumerRecord<>("ref-organisations", 0, 0L, new byte[] {1}, new byte[] {2})));

        assertThat(changes.count()).isGreaterThan(count);
        assertThat(organisations.get(Bytes.wrap(new byte[] {1}))).containsExactly(2);
    }

    @Test
    void readsLeaveTheCountAsItIs() {
        KeyValueStore<Bytes, byte[]> programmes =
                changes.inMemoryStore("ref-programmes-store").get();
        programmes.put(Bytes.wrap(new byte[] {1}), new byte[] {2});
        long count = changes.count();

        programmes.get(Bytes.wrap(new byte[] {1}));
        programmes.all().close();

        assertThat(changes.count()).isEqualTo(count);
    }

    @Test
    void theStoreIsKafkasInMemoryStoreUnderItsNameAndMetricsScope() {
        KeyValueBytesStoreSupplier counted = changes.inMemoryStore("ref-consortia-store");
        KeyValueBytesStoreSupplier kafkas = Stores.inMemoryKeyValueStore("ref-consortia-store");

        assertThat(counted.name()).isEqualTo(kafkas.name());
        assertThat(counted.metricsScope()).isEqualTo(kafkas.metricsScope());
        assertThat(counted.get().persistent()).isFalse();
    }
}
