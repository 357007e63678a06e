package eu.clusternews.bench;

import java.time.Duration;
import java.util.Map;

import org.apache.kafka.common.Metric;
import org.apache.kafka.common.MetricName;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.streams.KafkaStreams;

/**
 * Times one pass of a Kafka Streams app over records already in its input topic: from the first record its stream
 * threads process (the thread-level {@code process-total} metric, read every {@value #SAMPLE_MILLIS} ms) until its
 * results are committed: every input record's offset for a pass-through, every news counted in the committed
 * aggregates for the pipeline. Both passes end where a read_committed consumer sees the last result.
 */
final class StreamsPass {

    /** How often the metric is read; the error of a measured start is at most this. */
    private static final long SAMPLE_MILLIS = 10;

    private static final long SAMPLE_NANOS = Duration.ofMillis(SAMPLE_MILLIS).toNanos();

    /**
     * @param records      records the stream threads processed
     * @param expected     records they were expected to process
     * @param processing   first processed record → last result committed
     * @param sinceStart   {@code start()} → last result committed (includes rebalance and restoring the global
     *                     stores)
     * @param cpuByThread  the process's CPU during the pass by kind of thread (stream threads, broker, GC, JIT, ...)
     * @param written      what the app's producers sent meanwhile, by topic
     * @param inputCommitted first processed record → every input record's offset committed, when the progress
     *                     tells (null otherwise): what follows it is the results' way through the rest of the app
     * @param threadTimes  the stream threads' time on a core and waiting for one, from the first processed record on;
     *                     null where the system does not say (not Linux)
     * @param streamThreads the stream threads {@code threadTimes} sums
     * @param blockedInProducer how long the stream threads waited in their producers' calls meanwhile (flushes and
     *                     the transaction's calls at commits, buffer memory)
     */
    record Result(
            long records,
            long expected,
            Duration processing,
            Duration sinceStart,
            long processCpuNanos,
            java.util.Map<ThreadCpu.Kind, Long> cpuByThread,
            WrittenBytes written,
            PassCommits commits,
            Duration inputCommitted,
            StreamThreadTimes threadTimes,
            int streamThreads,
            Duration blockedInProducer) {

        long streamThreadCpuNanos() {
            return cpuByThread.getOrDefault(ThreadCpu.Kind.STREAM_THREADS, 0L);
        }

        /** What the JIT compiler threads spent compiling during the pass, or -1 when this JVM does not say. */
        long compilationMillis() {
            Long compiling = cpuByThread.get(ThreadCpu.Kind.JIT);
            return compiling == null ? -1 : compiling / 1_000_000;
        }

        boolean complete() {
            return records >= expected;
        }

        /** Input events per CPU-second of the app's stream threads (what the topology costs, whatever the load). */
        double eventsPerStreamThreadCpuSecond(long events) {
            return events / (Math.max(streamThreadCpuNanos(), 1) / 1e9);
        }

        /** Input events per CPU-second of the whole process during the pass (broker and clients included). */
        double eventsPerProcessCpuSecond(long events) {
            return events / (Math.max(processCpuNanos, 1) / 1e9);
        }

        /** Input events per second of processing. */
        double eventsPerSecond(long events) {
            return events / seconds(processing);
        }
    }

    private StreamsPass() {}

    /** How far a pass has come: a count that reaches the expected one when the pass is done. */
    interface Progress extends java.util.function.LongSupplier {

        /** When ({@link System#nanoTime}) the offsets committed first covered every input record; -1 if not yet. */
        long inputCommittedNanos();
    }

    /**
     * Starts the app, waits until its threads processed {@code expected} records of {@code inputTopic} and committed
     * their offsets (or made no progress for {@code stallTimeout}), and closes it.
     *
     * @param streams the app's client, for its metrics and state
     * @param start   starts it (the pipeline's runner, or {@code streams::start})
     * @param close   stops it
     * @throws IllegalStateException when the app fails
     */
    static Result run(
            KafkaStreams streams,
            String applicationId,
            int threads,
            String inputTopic,
            Runnable start,
            Runnable close,
            long expected,
            Duration stallTimeout) {
        ProcessedRecords processed = new ProcessedRecords(streams, threads);
        return run(
                streams,
                applicationId,
                start,
                close,
                processed::get,
                new CommittedRecords(streams, processed, inputTopic, expected),
                expected,
                stallTimeout);
    }

    /**
     * Starts the app, waits until {@code progress} reaches {@code expected} (or makes no progress for
     * {@code stallTimeout}), and closes it. The pass is timed from the first record its threads process
     * ({@code processed} above zero, read every {@value #SAMPLE_MILLIS} ms), not from the first progress, which a
     * costly {@code progress} may see seconds late.
     */
    static Result run(
            KafkaStreams streams,
            String applicationId,
            Runnable start,
            Runnable close,
            java.util.function.LongSupplier processed,
            Progress progress,
            long expected,
            Duration stallTimeout) {
        String streamThreads = applicationId + "-";
        long processCpuAtStart = CpuTime.processNanos();
        ThreadCpu threadCpuAtStart = ThreadCpu.now();
        long started = System.nanoTime();
        start.run();
        try {
            long first = -1;
            Waits waitsAtFirst = Waits.NONE;
            StreamThreadTimes.Reader threadTimes = null;
            StreamThreadTimes timesAtFirst = null;
            long last = 0;
            long lastProcessed = 0;
            long lastProgress = System.nanoTime();
            long done;
            long end;
            while (true) {
                long now = System.nanoTime();
                long processedNow = processed.getAsLong();
                if (first < 0 && processedNow > 0) {
                    first = now;
                    waitsAtFirst = Waits.of(streams);
                    threadTimes = StreamThreadTimes.Reader.of(streamThreads);
                    timesAtFirst = threadTimes == null ? null : threadTimes.read();
                }
                done = progress.getAsLong();
                // records processed are progress too: the pipeline's count of results moves only at its end
                if (done > last || processedNow > lastProcessed) {
                    last = Math.max(last, done);
                    lastProcessed = processedNow;
                    lastProgress = now;
                }
                if (done >= expected) {
                    end = now;
                    break;
                }
                KafkaStreams.State state = streams.state();
                if (state == KafkaStreams.State.ERROR
                        || state == KafkaStreams.State.NOT_RUNNING
                        || state == KafkaStreams.State.PENDING_ERROR) {
                    throw new IllegalStateException("The Streams app stopped (" + state + ") after " + done + " of "
                            + expected + " records; see the log above for its error");
                }
                if (now - lastProgress > stallTimeout.toNanos()) {
                    end = lastProgress; // stalled: timed up to the last progress
                    break;
                }
                java.util.concurrent.locks.LockSupport.parkNanos(SAMPLE_NANOS);
            }
            Waits waits = Waits.of(streams).since(waitsAtFirst);
            StreamThreadTimes timesAtEnd = timesAtFirst == null ? null : threadTimes.read();
            return new Result(
                    done,
                    expected,
                    Duration.ofNanos(Math.max(0, end - Math.max(first, started))),
                    Duration.ofNanos(end - started),
                    CpuTime.processNanos() - processCpuAtStart,
                    ThreadCpu.now().since(threadCpuAtStart, streamThreads),
                    WrittenBytes.of(streams, applicationId),
                    PassCommits.of(streams),
                    since(first, progress.inputCommittedNanos()),
                    timesAtEnd == null ? null : timesAtEnd.since(timesAtFirst),
                    threadTimes == null ? 0 : threadTimes.threads(),
                    Duration.ofNanos((long) waits.inProducer()));
        } finally {
            close.run();
        }
    }

    /**
     * Sum of {@code process-total} over the app's stream threads. The metric objects are looked up in
     * {@link KafkaStreams#metrics()} (which copies every metric of the app into a new map: too costly to do every few
     * milliseconds on a 2-core machine) only until all threads' metrics are found.
     */
    static final class ProcessedRecords {
        private final KafkaStreams streams;
        private final int threads;
        private java.util.List<Metric> metrics = java.util.List.of();

        ProcessedRecords(KafkaStreams streams, int threads) {
            this.streams = streams;
            this.threads = threads;
        }

        long get() {
            if (metrics.size() < threads) {
                java.util.List<Metric> found = new java.util.ArrayList<>();
                for (Map.Entry<MetricName, ? extends Metric> e :
                        streams.metrics().entrySet()) {
                    MetricName name = e.getKey();
                    if (name.name().equals("process-total") && name.group().equals("stream-thread-metrics")) {
                        found.add(e.getValue());
                    }
                }
                metrics = found;
            }
            double total = 0;
            for (Metric metric : metrics) {
                if (metric.metricValue() instanceof Number number) {
                    total += number.doubleValue();
                }
            }
            return (long) total;
        }
    }

    /**
     * How long the stream threads waited in their producers' calls, in nanoseconds: the producer's part of Kafka
     * Streams' {@code blocked-time-ns-total} (KIP-761), measured in the calling thread. The rest of that metric is the
     * main consumer's network time, whichever thread spent it (the heartbeat thread, the new consumer's background
     * thread), so it is not read: {@link StreamThreadTimes} says how long the stream threads were off the cores.
     */
    record Waits(double inProducer) {

        static final Waits NONE = new Waits(0);

        /** The producer's metrics that make up its part of {@code blocked-time-ns-total}. */
        private static final java.util.Set<String> PRODUCER_WAITS = java.util.Set.of(
                "flush-time-ns-total",
                "txn-init-time-ns-total",
                "txn-begin-time-ns-total",
                "txn-send-offsets-time-ns-total",
                "txn-commit-time-ns-total",
                "txn-abort-time-ns-total",
                "bufferpool-wait-time-ns-total",
                "metadata-wait-time-ns-total");

        static Waits of(KafkaStreams streams) {
            double inProducer = 0;
            for (Map.Entry<MetricName, ? extends Metric> e : streams.metrics().entrySet()) {
                MetricName name = e.getKey();
                if (name.group().equals("producer-metrics")
                        && PRODUCER_WAITS.contains(name.name())
                        && e.getValue().metricValue() instanceof Number number) {
                    inProducer += number.doubleValue();
                }
            }
            return new Waits(inProducer);
        }

        Waits since(Waits earlier) {
            return new Waits(inProducer - earlier.inProducer);
        }
    }

    private static Duration since(long first, long then) {
        return first < 0 || then < 0 ? null : Duration.ofNanos(Math.max(0, then - first));
    }

    /**
     * The records the threads processed, the last of them counted only once the offsets committed for
     * {@code inputTopic} cover them all: a pass-through is done when its output is committed, as the pipeline's pass
     * is done when its aggregates are. The committed offsets are read only then, every time asked (every
     * {@link #SAMPLE_MILLIS} ms).
     */
    static final class CommittedRecords implements Progress {
        private final KafkaStreams streams;
        private final ProcessedRecords processed;
        private final String inputTopic;
        private final long expected;
        private long committedAt = -1;

        CommittedRecords(KafkaStreams streams, ProcessedRecords processed, String inputTopic, long expected) {
            this.streams = streams;
            this.processed = processed;
            this.inputTopic = inputTopic;
            this.expected = expected;
        }

        @Override
        public long getAsLong() {
            long records = processed.get();
            if (records < expected) {
                return records;
            }
            if (committedAt < 0 && committedOffsets(streams, inputTopic) >= expected) {
                committedAt = System.nanoTime();
            }
            return committedAt >= 0 ? records : expected - 1;
        }

        @Override
        public long inputCommittedNanos() {
            return committedAt;
        }
    }

    /** The sum of the offsets the app's tasks committed for {@code topic} (the records read from it, by offset). */
    static long committedOffsets(KafkaStreams streams, String topic) {
        long committed = 0;
        for (org.apache.kafka.streams.ThreadMetadata thread : streams.metadataForLocalThreads()) {
            for (org.apache.kafka.streams.TaskMetadata task : thread.activeTasks()) {
                for (Map.Entry<org.apache.kafka.common.TopicPartition, Long> offset :
                        task.committedOffsets().entrySet()) {
                    if (offset.getKey().topic().equals(topic) && offset.getValue() > 0) {
                        committed += offset.getValue();
                    }
                }
            }
        }
        return committed;
    }

    /**
     * The news counted in the pipeline's activities, summed over every cluster, consortium and programme, plus the
     * reports counted in its events: read from the aggregate stores (interactive queries), which hold what the last
     * commit wrote. It reaches the corpus's contribution count when every news has gone through the whole pipeline,
     * whatever the number of records (partial activities) the repartition topics carried.
     *
     * <p>A read decodes every activity and event, too costly to tell the end of the pass precisely (every 100 ms it
     * took a third of the stream thread's CPU, and the events store was read only once two reads of the others agreed:
     * the end came at least 100 ms late, where the pass-through's is seen within {@value #SAMPLE_MILLIS} ms). So the end is
     * told as the pass-through's is, from committed offsets: once every news offset is committed (the news tasks have
     * written their last partial activities and event reports), the pass is done when the core's committed offsets
     * reach the end of those repartition topics, which means the transaction holding the last aggregates and events
     * has committed. The stores are then read once, untimed, to check that every contribution is counted; if not (it
     * never should), the pass goes on until a read says so, every 100 ms. They are not read while news remain: each
     * read cost the pass 0.2-0.6 s of CPU on a core the pipeline needs, which the pass-through never paid.
     */
    static final class CountedNews implements Progress {
        /** How often the stores are read once a check found the count short (it never should). */
        private static final long READ_EVERY_NANOS = Duration.ofMillis(100).toNanos();

        private final KafkaStreams streams;
        private final java.util.List<String> stores;
        private final String newsTopic;
        private final long news;
        private final long expected;
        private final java.util.function.Function<java.util.Set<TopicPartition>, Map<TopicPartition, Long>> endOffsets;
        private long lastRead = Long.MIN_VALUE;
        private long counted;
        private long inputCommittedAt = -1;
        /** The core's input partitions and their end offsets once the news offsets were all committed. */
        private Map<TopicPartition, Long> coreInputEnds;

        private boolean countShort;

        /**
         * @param stores     the stores whose counts add up to the expected total
         * @param newsTopic  the input topic, holding {@code news} records for this pass
         * @param expected   the contributions and reports counted when the pass is done
         * @param endOffsets the end (log-end) offsets of the given partitions
         */
        CountedNews(
                KafkaStreams streams,
                java.util.List<String> stores,
                String newsTopic,
                long news,
                long expected,
                java.util.function.Function<java.util.Set<TopicPartition>, Map<TopicPartition, Long>> endOffsets) {
            this.streams = streams;
            this.stores = stores;
            this.newsTopic = newsTopic;
            this.news = news;
            this.expected = expected;
            this.endOffsets = endOffsets;
        }

        @Override
        public long getAsLong() {
            long now = System.nanoTime();
            if (streams.state() != KafkaStreams.State.RUNNING) {
                return counted;
            }
            if (countShort) {
                return readEvery(READ_EVERY_NANOS, now);
            }
            if (inputCommittedAt < 0) {
                if (committedOffsets(streams, newsTopic) < news) {
                    // never read while news remain: a read decodes every activity and event, CPU the pass's stream
                    // thread would lose on two cores (the loop sees progress in the records processed instead)
                    return counted;
                }
                inputCommittedAt = now;
                coreInputEnds = endOffsets.apply(coreInputs());
            }
            if (!coreCommitted()) {
                return Math.min(counted, expected - 1);
            }
            // the last aggregates are committed: check the count, untimed (the caller took the time before asking)
            read(now);
            countShort = counted < expected;
            return counted;
        }

        private long readEvery(long interval, long now) {
            if (lastRead == Long.MIN_VALUE || now - lastRead >= interval) {
                read(now);
            }
            return counted;
        }

        private void read(long now) {
            lastRead = now;
            try {
                counted = sum(stores);
            } catch (org.apache.kafka.streams.errors.InvalidStateStoreException rebalancing) {
                // a rebalance or restore in progress: keep the last count
            }
        }

        /** The partitions of every task but the news topic's: the repartition topics the core reads. */
        private java.util.Set<TopicPartition> coreInputs() {
            java.util.Set<TopicPartition> inputs = new java.util.HashSet<>();
            for (org.apache.kafka.streams.ThreadMetadata thread : streams.metadataForLocalThreads()) {
                for (org.apache.kafka.streams.TaskMetadata task : thread.activeTasks()) {
                    for (TopicPartition partition : task.topicPartitions()) {
                        if (!partition.topic().equals(newsTopic)) {
                            inputs.add(partition);
                        }
                    }
                }
            }
            return inputs;
        }

        /**
         * Whether the core's committed offsets reach the end of each of its inputs. A partition written by committed
         * transactions ends with a commit marker, which the committed offset passes only once the consumer has
         * fetched it: the offset just before it (the marker's own) already means every record was processed.
         */
        private boolean coreCommitted() {
            Map<TopicPartition, Long> committed = new java.util.HashMap<>();
            for (org.apache.kafka.streams.ThreadMetadata thread : streams.metadataForLocalThreads()) {
                for (org.apache.kafka.streams.TaskMetadata task : thread.activeTasks()) {
                    committed.putAll(task.committedOffsets());
                }
            }
            for (Map.Entry<TopicPartition, Long> end : coreInputEnds.entrySet()) {
                if (end.getValue() > 0 && committed.getOrDefault(end.getKey(), -1L) < end.getValue() - 1) {
                    return false;
                }
            }
            return true;
        }

        @Override
        public long inputCommittedNanos() {
            return inputCommittedAt;
        }

        private long sum(java.util.List<String> stores) {
            long sum = 0;
            for (String store : stores) {
                org.apache.kafka.streams.state.ReadOnlyKeyValueStore<String, org.apache.avro.generic.IndexedRecord> kv =
                        streams.store(org.apache.kafka.streams.StoreQueryParameters.fromNameAndType(
                                store, org.apache.kafka.streams.state.QueryableStoreTypes.keyValueStore()));
                try (var all = kv.all()) {
                    while (all.hasNext()) {
                        org.apache.avro.generic.IndexedRecord activity = all.next().value;
                        // activities count their news; events (the events store) their reports
                        org.apache.avro.Schema.Field counted =
                                activity.getSchema().getField("newsCount");
                        if (counted == null) {
                            counted = activity.getSchema().getField("reportCount");
                        }
                        sum += (Long) activity.get(counted.pos());
                    }
                }
            }
            return sum;
        }
    }

    static double seconds(Duration d) {
        return Math.max(d.toNanos(), 1) / 1e9;
    }
}
