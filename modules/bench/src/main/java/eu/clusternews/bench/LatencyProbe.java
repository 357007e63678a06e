package eu.clusternews.bench;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;

import eu.clusternews.topics.TopicSpec;
import org.apache.avro.generic.IndexedRecord;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.Deserializer;

/**
 * End-to-end latency at a fixed offered load: news are published to cluster-news on a fixed schedule (open loop:
 * a late send does not delay the next ones, and latency counts from the scheduled time) while a read_committed
 * consumer watches cluster-activity, consortium-activity and programme-activity, with the pipeline's production
 * settings (aggregate updates coalesced per entity and commit). A news is visible when every aggregate it updates
 * counts at least as many news as had been sent to that entity up to and including it.
 */
final class LatencyProbe {

    /** What one offered load gave. */
    record Result(
            int rate,
            double offeredRate,
            int measured,
            int incomplete,
            long[] allVisibleNanos,
            long[] firstVisibleNanos,
            long[] enrichedNanos,
            List<SlowMoment> slowest,
            String newsProducerSends) {

        long allPercentileMillis(double p) {
            return percentile(allVisibleNanos, p) / 1_000_000;
        }

        long firstPercentileMillis(double p) {
            return percentile(firstVisibleNanos, p) / 1_000_000;
        }

        /** The first hop alone: from the news being sent to its enriched copy being readable (read_committed). */
        long enrichedPercentileMillis(double p) {
            return percentile(enrichedNanos, p) / 1_000_000;
        }

        private static long percentile(long[] sorted, double p) {
            if (sorted.length == 0) {
                return -1;
            }
            int index = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
            return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
        }
    }

    /**
     * A tenth of a second of sending whose news took longest: when (wall clock, to set beside GC and broker logs), the
     * longest first hop and the longest time until every aggregate was visible among the news sent then.
     */
    record SlowMoment(long wallMillis, long firstHopMillis, long allVisibleMillis) {

        /** When the news were sent, as a time of day. */
        LocalTime sentAt() {
            return LocalTime.ofInstant(Instant.ofEpochMilli(wallMillis), ZoneId.systemDefault())
                    .truncatedTo(ChronoUnit.MILLIS);
        }

        @Override
        public String toString() {
            return String.format(
                    Locale.ROOT, "%s first hop %d ms, all visible %d ms", sentAt(), firstHopMillis, allVisibleMillis);
        }
    }

    private static final long MOMENT_NANOS = Duration.ofMillis(100).toNanos();
    private static final int SLOW_MOMENTS = 5;

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
        long[] enriched = new long[total];
        Arrays.fill(first, -1);
        Arrays.fill(enriched, -1);
        Map<String, Integer> indexByNewsId = new HashMap<>();
        for (int i = 0; i < total; i++) {
            indexByNewsId.putIfAbsent(corpus.key(firstRecord + i), i);
        }

        try (KafkaConsumer<byte[], byte[]> consumer = outputConsumer()) {
            List<TopicPartition> partitions = new ArrayList<>();
            for (TopicSpec spec : List.of(
                    TopicSpec.CLUSTER_ACTIVITY,
                    TopicSpec.CONSORTIUM_ACTIVITY,
                    TopicSpec.PROGRAMME_ACTIVITY,
                    TopicSpec.ENRICHED)) {
                consumer.partitionsFor(spec.topicName())
                        .forEach(p -> partitions.add(new TopicPartition(p.topic(), p.partition())));
            }
            consumer.assign(partitions);
            consumer.seekToEnd(partitions);
            partitions.forEach(consumer::position);

            AtomicBoolean producing = new AtomicBoolean(true);
            AtomicReference<Exception> sendFailure = new AtomicReference<>();
            AtomicLong producerEnd = new AtomicLong();
            AtomicReference<String> newsProducerSends = new AtomicReference<>("");
            // an aggregate's record carries the newest timestamp of the news counted in it, and this probe's news are
            // stamped when sent: older records are another pass's (a pipeline closed before it may have committed
            // them after the seek above), whose counts would make this pass's news look visible early
            long firstSendMillis = System.currentTimeMillis();
            long start = System.nanoTime() + Duration.ofMillis(50).toNanos();
            long startWallMillis = firstSendMillis + 50;
            for (int i = 0; i < total; i++) {
                scheduled[i] = start + i * period;
            }
            Thread producer = new Thread(
                    () -> {
                        try (KafkaProducer<String, byte[]> p = stack.newsProducer(Map.of())) {
                            for (int i = 0; i < total && sendFailure.get() == null; i++) {
                                long wait = scheduled[i] - System.nanoTime();
                                if (wait > 0) {
                                    LockSupport.parkNanos(wait);
                                }
                                long record = firstRecord + i;
                                p.send(
                                        new ProducerRecord<>(
                                                TopicSpec.NEWS.topicName(),
                                                null,
                                                System.currentTimeMillis(),
                                                corpus.key(record),
                                                corpus.value(record)),
                                        (md, e) -> {
                                            if (e != null) {
                                                sendFailure.compareAndSet(null, e);
                                            }
                                        });
                            }
                            p.flush();
                            newsProducerSends.set(describeSends(p));
                        } catch (RuntimeException e) {
                            sendFailure.compareAndSet(null, e);
                        } finally {
                            producerEnd.set(System.nanoTime());
                            producing.set(false);
                        }
                    },
                    "bench-latency-producer");
            producer.start();

            // Each aggregate update is coalesced per entity and commit, so it names no news: a news is visible when
            // every
            // aggregate it updates counts at least as many news as were sent to that entity up to and including it
            // (the stream thread takes the three partitions in turn, so counts advance in nearly the order news were
            // sent)
            int[] pendingAggregates = new int[total];
            Map<String, List<Integer>> newsByEntity = new HashMap<>();
            for (int i = 0; i < total; i++) {
                String[] entities = corpus.entities(firstRecord + i);
                pendingAggregates[i] = entities.length;
                for (String entity : entities) {
                    newsByEntity.computeIfAbsent(entity, e -> new ArrayList<>()).add(i);
                }
            }
            Map<String, Integer> countedByEntity = new HashMap<>();
            Map<String, Deserializer<? extends IndexedRecord>> decoders = Map.of(
                    TopicSpec.CLUSTER_ACTIVITY.topicName(),
                            stack.topics().clusterActivity().valueDeserializer(),
                    TopicSpec.CONSORTIUM_ACTIVITY.topicName(),
                            stack.topics().consortiumActivity().valueDeserializer(),
                    TopicSpec.PROGRAMME_ACTIVITY.topicName(),
                            stack.topics().programmeActivity().valueDeserializer());
            int visibleCount = 0;
            int expectedVisible = 0;
            for (int i = 0; i < total; i++) {
                if (pendingAggregates[i] > 0) {
                    expectedVisible++;
                }
            }
            long lastArrival = System.nanoTime();
            long drainLimit = Duration.ofSeconds(60).toNanos();
            while (true) {
                var records = consumer.poll(Duration.ofMillis(20));
                long now = System.nanoTime();
                for (ConsumerRecord<byte[], byte[]> r : records) {
                    if (r.topic().equals(TopicSpec.ENRICHED.topicName())) {
                        Integer i = indexByNewsId.get(new String(r.key(), StandardCharsets.UTF_8));
                        if (i != null && enriched[i] < 0 && r.timestamp() >= firstSendMillis) {
                            enriched[i] = now;
                        }
                        continue;
                    }
                    String entity = r.topic() + "/" + new String(r.key(), StandardCharsets.UTF_8);
                    List<Integer> news = newsByEntity.get(entity);
                    if (news == null || r.value() == null || r.timestamp() < firstSendMillis) {
                        continue;
                    }
                    IndexedRecord activity = decoders.get(r.topic()).deserialize(r.topic(), r.value());
                    long counted = (Long) activity.get(
                            activity.getSchema().getField("newsCount").pos());
                    int before = countedByEntity.getOrDefault(entity, 0);
                    int upTo = (int) Math.min(counted, news.size());
                    for (int rank = before; rank < upTo; rank++) {
                        int i = news.get(rank);
                        if (first[i] < 0) {
                            first[i] = now;
                        }
                        if (--pendingAggregates[i] == 0) {
                            last[i] = now;
                            visibleCount++;
                        }
                    }
                    countedByEntity.put(entity, Math.max(before, upTo));
                    lastArrival = now;
                }
                if (!producing.get()) {
                    if (visibleCount >= expectedVisible
                            || now - lastArrival > Duration.ofSeconds(5).toNanos()
                            || now - producerEnd.get() > drainLimit) {
                        break;
                    }
                }
            }
            producer.join();
            if (sendFailure.get() != null) {
                throw new IllegalStateException(
                        "Publishing news for the latency measurement failed: " + sendFailure.get(), sendFailure.get());
            }
            long[] all = new long[total];
            long[] firsts = new long[total];
            long[] hop = new long[total];
            int hops = 0;
            int n = 0;
            int incomplete = 0;
            for (int i = warmupEvents; i < total; i++) {
                if (corpus.entities(firstRecord + i).length == 0) {
                    continue; // a duplicate: dedupe drops it, nothing to see
                }
                if (pendingAggregates[i] > 0) {
                    incomplete++;
                    continue;
                }
                if (enriched[i] >= 0) {
                    hop[hops++] = enriched[i] - scheduled[i];
                }
                all[n] = last[i] - scheduled[i];
                firsts[n] = first[i] - scheduled[i];
                n++;
            }
            long[] allSorted = Arrays.copyOf(all, n);
            long[] firstSorted = Arrays.copyOf(firsts, n);
            Arrays.sort(allSorted);
            Arrays.sort(firstSorted);
            long[] hopSorted = Arrays.copyOf(hop, hops);
            Arrays.sort(hopSorted);
            double producedSeconds = (producerEnd.get() - start) / 1e9;
            return new Result(
                    rate,
                    total / producedSeconds,
                    n,
                    incomplete,
                    allSorted,
                    firstSorted,
                    hopSorted,
                    slowest(warmupEvents, scheduled, start, startWallMillis, enriched, last, pendingAggregates),
                    newsProducerSends.get());
        }
    }

    /** The tenths of a second of measured sending whose news took longest to be fully visible, slowest first. */
    private static List<SlowMoment> slowest(
            int from,
            long[] scheduled,
            long start,
            long startWallMillis,
            long[] enriched,
            long[] last,
            int[] pendingAggregates) {
        Map<Long, long[]> byMoment = new HashMap<>(); // moment → {longest first hop, longest all visible}
        for (int i = from; i < scheduled.length; i++) {
            if (pendingAggregates[i] > 0 || enriched[i] < 0) {
                continue;
            }
            long[] worst = byMoment.computeIfAbsent((scheduled[i] - start) / MOMENT_NANOS, m -> new long[2]);
            worst[0] = Math.max(worst[0], enriched[i] - scheduled[i]);
            worst[1] = Math.max(worst[1], last[i] - scheduled[i]);
        }
        return byMoment.entrySet().stream()
                .sorted((a, b) -> Long.compare(b.getValue()[1], a.getValue()[1]))
                .limit(SLOW_MOMENTS)
                .map(e -> new SlowMoment(
                        startWallMillis + e.getKey() * MOMENT_NANOS / 1_000_000,
                        e.getValue()[0] / 1_000_000,
                        e.getValue()[1] / 1_000_000))
                .toList();
    }

    /** The probe's producer's view of its sends (record-queue-time and request-latency, over the last 30-60 s). */
    private static String describeSends(KafkaProducer<?, ?> producer) {
        Map<String, Double> byName = new HashMap<>();
        producer.metrics().forEach((name, metric) -> {
            if (name.group().equals("producer-metrics") && metric.metricValue() instanceof Number n) {
                byName.put(name.name(), n.doubleValue());
            }
        });
        return String.format(
                Locale.ROOT,
                "  the probe's news producer: batches waited %.1f ms on average before sending (max %.0f), requests"
                        + " took %.1f ms from send to response (max %.0f)",
                byName.getOrDefault("record-queue-time-avg", Double.NaN),
                byName.getOrDefault("record-queue-time-max", Double.NaN),
                byName.getOrDefault("request-latency-avg", Double.NaN),
                byName.getOrDefault("request-latency-max", Double.NaN));
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
