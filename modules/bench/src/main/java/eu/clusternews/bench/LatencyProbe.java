package eu.clusternews.bench;

import eu.clusternews.topics.TopicSpec;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/**
 * End-to-end latency at a fixed offered load: news are published to cluster-news on a fixed schedule (open loop:
 * a late send does not delay the next ones, and latency counts from the scheduled time) while a read_committed
 * consumer watches cluster-activity, consortium-activity and programme-activity. The pipeline carries each input
 * record's headers through to its aggregate updates, so each update names its news ({@value #SEQ_HEADER}); a news
 * is visible when all of its aggregate updates are.
 */
final class LatencyProbe {

    static final String SEQ_HEADER = "clusternews-bench-seq";
    static final String SENT_HEADER = "clusternews-bench-sent-nanos";

    /** What one offered load gave. */
    record Result(int rate, double offeredRate, int measured, int incomplete, long[] allVisibleNanos, long[] firstVisibleNanos,
                  boolean headersCarried) {

        long allPercentileMillis(double p) {
            return percentile(allVisibleNanos, p) / 1_000_000;
        }

        long firstPercentileMillis(double p) {
            return percentile(firstVisibleNanos, p) / 1_000_000;
        }

        private static long percentile(long[] sorted, double p) {
            if (sorted.length == 0) {
                return -1;
            }
            int index = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
            return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
        }
    }

    private final BenchStack stack;
    private final NewsCorpus corpus;
    private final long firstRecord;

    /**
     * @param firstRecord index of the first corpus record to publish; records before it were published earlier in the
     *                    run, so later ones carry news ids the topic has not seen
     */
    LatencyProbe(BenchStack stack, NewsCorpus corpus, long firstRecord) {
        this.stack = stack;
        this.corpus = corpus;
        this.firstRecord = firstRecord;
    }

    /** Publishes at {@code rate} for warm-up plus measured time while the (running) pipeline processes. */
    Result measure(int rate, Duration warmup, Duration measured) throws InterruptedException {
        int warmupEvents = (int) Math.min(Integer.MAX_VALUE / 2, warmup.toMillis() * rate / 1000);
        int total = (int) Math.min(Integer.MAX_VALUE / 2, warmupEvents + measured.toMillis() * rate / 1000);
        long period = 1_000_000_000L / rate;
        long[] scheduled = new long[total];
        long[] first = new long[total];
        long[] last = new long[total];
        int[] seen = new int[total];
        Arrays.fill(first, -1);

        try (KafkaConsumer<byte[], byte[]> consumer = outputConsumer()) {
            List<TopicPartition> partitions = new ArrayList<>();
            for (TopicSpec spec : List.of(TopicSpec.CLUSTER_ACTIVITY, TopicSpec.CONSORTIUM_ACTIVITY, TopicSpec.PROGRAMME_ACTIVITY)) {
                consumer.partitionsFor(spec.topicName()).forEach(p -> partitions.add(new TopicPartition(p.topic(), p.partition())));
            }
            consumer.assign(partitions);
            consumer.seekToEnd(partitions);
            partitions.forEach(consumer::position);

            AtomicBoolean producing = new AtomicBoolean(true);
            AtomicReference<Exception> sendFailure = new AtomicReference<>();
            AtomicLong producerEnd = new AtomicLong();
            long start = System.nanoTime() + Duration.ofMillis(50).toNanos();
            for (int i = 0; i < total; i++) {
                scheduled[i] = start + i * period;
            }
            Thread producer = new Thread(() -> {
                try (KafkaProducer<String, byte[]> p = stack.newsProducer(Map.of())) {
                    for (int i = 0; i < total && sendFailure.get() == null; i++) {
                        long wait = scheduled[i] - System.nanoTime();
                        if (wait > 0) {
                            LockSupport.parkNanos(wait);
                        }
                        long record = firstRecord + i;
                        RecordHeaders headers = new RecordHeaders();
                        headers.add(SEQ_HEADER, ByteBuffer.allocate(Integer.BYTES).putInt(i).array());
                        headers.add(SENT_HEADER, ByteBuffer.allocate(Long.BYTES).putLong(scheduled[i]).array());
                        p.send(new ProducerRecord<>(TopicSpec.NEWS.topicName(), null, System.currentTimeMillis(),
                                corpus.key(record), corpus.value(record), headers), (md, e) -> {
                                    if (e != null) {
                                        sendFailure.compareAndSet(null, e);
                                    }
                                });
                    }
                    p.flush();
                } catch (RuntimeException e) {
                    sendFailure.compareAndSet(null, e);
                } finally {
                    producerEnd.set(System.nanoTime());
                    producing.set(false);
                }
            }, "bench-latency-producer");
            producer.start();

            int[] expected = new int[total];
            long expectedUpdates = 0;
            for (int i = 0; i < total; i++) {
                expected[i] = corpus.updates(firstRecord + i);
                expectedUpdates += expected[i];
            }
            long received = 0;
            boolean headersCarried = true;
            long lastArrival = System.nanoTime();
            long drainLimit = Duration.ofSeconds(60).toNanos();
            while (true) {
                var records = consumer.poll(Duration.ofMillis(20));
                long now = System.nanoTime();
                for (ConsumerRecord<byte[], byte[]> r : records) {
                    Header seqHeader = r.headers().lastHeader(SEQ_HEADER);
                    if (seqHeader == null) {
                        headersCarried = false;
                        continue;
                    }
                    int seq = ByteBuffer.wrap(seqHeader.value()).getInt();
                    if (seq < 0 || seq >= total) {
                        continue;
                    }
                    received++;
                    seen[seq]++;
                    if (first[seq] < 0) {
                        first[seq] = now;
                    }
                    last[seq] = now;
                    lastArrival = now;
                }
                if (!producing.get()) {
                    if (received >= expectedUpdates || now - lastArrival > Duration.ofSeconds(5).toNanos()
                            || now - producerEnd.get() > drainLimit) {
                        break;
                    }
                }
            }
            producer.join();
            if (sendFailure.get() != null) {
                throw new IllegalStateException("Publishing news for the latency measurement failed: " + sendFailure.get(),
                        sendFailure.get());
            }
            long[] all = new long[total];
            long[] firsts = new long[total];
            int n = 0;
            int incomplete = 0;
            for (int i = warmupEvents; i < total; i++) {
                if (expected[i] == 0) {
                    continue; // a duplicate: dedupe drops it, nothing to see
                }
                if (seen[i] < expected[i]) {
                    incomplete++;
                    continue;
                }
                all[n] = last[i] - scheduled[i];
                firsts[n] = first[i] - scheduled[i];
                n++;
            }
            long[] allSorted = Arrays.copyOf(all, n);
            long[] firstSorted = Arrays.copyOf(firsts, n);
            Arrays.sort(allSorted);
            Arrays.sort(firstSorted);
            double producedSeconds = (producerEnd.get() - start) / 1e9;
            return new Result(rate, total / producedSeconds, n, incomplete, allSorted, firstSorted, headersCarried);
        }
    }

    private KafkaConsumer<byte[], byte[]> outputConsumer() {
        Map<String, Object> config = new HashMap<>();
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, stack.bootstrapServers());
        config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        config.put(ConsumerConfig.CLIENT_ID_CONFIG, "clusternews-bench-latency");
        return new KafkaConsumer<>(config, new ByteArrayDeserializer(), new ByteArrayDeserializer());
    }
}
