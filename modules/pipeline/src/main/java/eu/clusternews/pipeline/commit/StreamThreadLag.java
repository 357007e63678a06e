package eu.clusternews.pipeline.commit;

import java.lang.ref.WeakReference;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.ToLongFunction;

import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.common.TopicPartition;

/**
 * How far the calling stream thread is behind its input: what its main consumer has yet to poll (the records between
 * its position and the end of each partition assigned to it, the last stable offset under read_committed, as of the
 * last fetch — the figure Kafka Streams itself reads for {@code max.task.idle.ms}, {@code Consumer.currentLag}), and
 * what it polled but has not processed. Only the stream thread that owns a consumer asks about it, so the consumer is
 * never used from two threads.
 */
public final class StreamThreadLag {

    /** Stream thread name (its id, which Streams also puts in its consumer's client id) → that thread's main consumer. */
    private static final Map<String, WeakReference<Consumer<?, ?>>> MAIN_CONSUMERS = new ConcurrentHashMap<>();

    private StreamThreadLag() {}

    /** Remembers the main consumer of the stream thread named {@code threadId}; weakly, so closed ones can go. */
    static void register(String threadId, Consumer<?, ?> mainConsumer) {
        MAIN_CONSUMERS.values().removeIf(ref -> ref.get() == null);
        MAIN_CONSUMERS.put(threadId, new WeakReference<>(mainConsumer));
    }

    /** Forgets the main consumer of the stream thread named {@code threadId}. */
    static void unregister(String threadId) {
        MAIN_CONSUMERS.remove(threadId);
    }

    /**
     * The records the calling stream thread has yet to process: those it has yet to poll, and those it polled but
     * holds unprocessed in its tasks' buffers (Kafka Streams takes up to {@code buffered.records.per.partition} of
     * each partition ahead: a thousand on each of a few partitions hide seconds of news from the consumer's lag).
     *
     * @param nextToProcess the offset after the last record the thread processed of a partition, or -1 when unknown
     *                      (then only its lag counts)
     * @return empty when the calling thread has no registered consumer (another client supplier,
     *     {@code TopologyTestDriver}) or knows no partition's lag yet (before its first fetch)
     */
    public static OptionalLong ofCurrentThread(ToLongFunction<TopicPartition> nextToProcess) {
        WeakReference<Consumer<?, ?>> ref =
                MAIN_CONSUMERS.get(Thread.currentThread().getName());
        Consumer<?, ?> consumer = ref == null ? null : ref.get();
        if (consumer == null) {
            return OptionalLong.empty();
        }
        long lag = 0;
        boolean known = false;
        for (TopicPartition partition : consumer.assignment()) {
            OptionalLong partitionLag = consumer.currentLag(partition);
            if (partitionLag.isPresent()) {
                lag += partitionLag.getAsLong();
                known = true;
                long next = nextToProcess.applyAsLong(partition);
                if (next >= 0) {
                    // a partition the thread processed has a position: asking for it never blocks
                    lag += Math.max(0, consumer.position(partition) - next);
                }
            }
        }
        return known ? OptionalLong.of(lag) : OptionalLong.empty();
    }
}
