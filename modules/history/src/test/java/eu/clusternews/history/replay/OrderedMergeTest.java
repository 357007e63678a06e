package eu.clusternews.history.replay;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.junit.jupiter.api.Test;

class OrderedMergeTest {

    private static ReplayedRecord record(int partition, long offset, long timestamp) {
        return new ReplayedRecord("t", partition, offset, timestamp, null, null, new RecordHeaders());
    }

    private static List<ReplayedRecord> drain(OrderedMerge merge) {
        List<ReplayedRecord> out = new ArrayList<>();
        merge.drain(out::add);
        return out;
    }

    /** What a merge that got these records, in this order, drains. */
    private static List<ReplayedRecord> drainAfter(ReplayedRecord... arrivals) {
        OrderedMerge merge = new OrderedMerge();
        List.of(arrivals).forEach(merge::add);
        return drain(merge);
    }

    @Test
    void ordersByTimestampAcrossPartitionsEvenWhenAPartitionIsNotInTimeOrder() {
        // partition 0 holds a backfill (ts 5) after a newer record (ts 50)
        assertThat(drainAfter(record(0, 0, 50), record(0, 1, 5), record(1, 0, 20), record(2, 0, 10)))
                .extracting(ReplayedRecord::timestamp)
                .containsExactly(5L, 10L, 20L, 50L);
    }

    @Test
    void breaksTimestampTiesByPartitionThenOffset() {
        assertThat(drainAfter(record(2, 0, 7), record(1, 9, 7), record(1, 3, 7), record(0, 4, 7)))
                .extracting(r -> r.partition() + "@" + r.offset())
                .containsExactly("0@4", "1@3", "1@9", "2@0");
    }

    @Test
    void drainingEmptiesTheMerge() {
        OrderedMerge merge = new OrderedMerge();
        merge.add(record(0, 0, 1));
        drain(merge);
        assertThat(merge.size()).isZero();
        assertThat(drain(merge)).isEmpty();
    }

    @Property(tries = 200)
    void drainsEveryRecordOnceInPublicationOrderWhateverTheArrivalOrder(
            @ForAll @Size(max = 60) List<@IntRange(min = 0, max = 20) Integer> timestamps, @ForAll long seed) {
        List<ReplayedRecord> records = new ArrayList<>();
        long[] nextOffset = new long[3];
        for (int i = 0; i < timestamps.size(); i++) {
            int partition = i % 3;
            records.add(record(partition, nextOffset[partition]++, timestamps.get(i)));
        }
        List<ReplayedRecord> shuffled = new ArrayList<>(records);
        Collections.shuffle(shuffled, new Random(seed));
        OrderedMerge merge = new OrderedMerge();
        shuffled.forEach(merge::add);

        List<ReplayedRecord> drained = drain(merge);

        assertThat(drained).containsExactlyInAnyOrderElementsOf(records);
        assertThat(drained).isSortedAccordingTo(ReplayedRecord.PUBLICATION_ORDER);
    }
}
