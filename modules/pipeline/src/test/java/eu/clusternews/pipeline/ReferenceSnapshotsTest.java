package eu.clusternews.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;

import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.processor.api.RecordMetadata;
import org.apache.kafka.streams.state.KeyValueStore;
import org.junit.jupiter.api.Test;

class ReferenceSnapshotsTest {

    private final ReferenceChanges changes = new ReferenceChanges();
    private final KeyValueStore<Bytes, byte[]> organisationsStore =
            changes.inMemoryStore("ref-organisations-store").get();
    private final ReferenceSnapshots snapshots = new ReferenceSnapshots(changes);

    @Test
    void keepsTheRecordsLookedUpAcrossInputRecordsWhileTheReferenceStoresDoNotChange() {
        snapshots.of(at("cluster-news", 0, 7)).consortia().put("cons:inno-drop", Optional.empty());

        assertThat(snapshots.of(at("cluster-news", 0, 8)).consortia()).containsKey("cons:inno-drop");
        assertThat(snapshots.of(at("cluster-news", 1, 3)).consortia())
                .as("another partition of the same thread")
                .containsKey("cons:inno-drop");
        assertThat(new ReferenceSnapshots(changes).of(at("cluster-news", 1, 8)).consortia())
                .as("another topology's processors")
                .isEmpty();
    }

    @Test
    void forgetsTheRecordsAtTheNextInputRecordAfterAReferenceStoreChanged() {
        ReferenceSnapshots.Snapshot first = snapshots.of(at("cluster-news", 0, 7));
        first.consortia().put("cons:inno-drop", Optional.empty());
        long before = first.changeCount();

        organisationsStore.put(Bytes.wrap(new byte[] {1}), new byte[] {2});

        assertThat(snapshots.of(at("cluster-news", 0, 7)).consortia())
                .as("the same input record: its enrichment and fan-outs see the same records")
                .containsKey("cons:inno-drop");
        ReferenceSnapshots.Snapshot next = snapshots.of(at("cluster-news", 0, 8));
        assertThat(next.consortia()).isEmpty();
        assertThat(next.changeCount()).isGreaterThan(before);
    }

    @Test
    void keepsAtMostABoundedNumberOfIdsPerKindWithoutCountingThatAsAChange() {
        ReferenceSnapshots.Snapshot snapshot = snapshots.of(at("cluster-news", 0, 0));
        long count = snapshot.changeCount();
        for (int i = 0; i <= ReferenceSnapshots.MAX_KEPT_PER_KIND; i++) {
            snapshot.organisations().put("org:unknown-" + i, Optional.empty());
        }

        ReferenceSnapshots.Snapshot next = snapshots.of(at("cluster-news", 0, 1));

        assertThat(next.organisations()).isEmpty();
        assertThat(next.changeCount()).isEqualTo(count);
    }

    private static RecordMetadata at(String topic, int partition, long offset) {
        return new RecordMetadata() {
            @Override
            public String topic() {
                return topic;
            }

            @Override
            public int partition() {
                return partition;
            }

            @Override
            public long offset() {
                return offset;
            }
        };
    }
}
