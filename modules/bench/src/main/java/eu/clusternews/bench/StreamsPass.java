package eu.clusternews.bench;

import java.time.Duration;
import java.util.Map;

import org.apache.kafka.common.Metric;
import org.apache.kafka.common.MetricName;
import org.apache.kafka.streams.KafkaStreams;

/**
 * Times one pass of a Kafka Streams app over records already in its input topic: from the first record its stream
 * threads process until they have processed the expected number (the thread-level {@code process-total} metric,
 * which counts every record taken from a source topic, input and repartition topics alike).
 */
final class StreamsPass {

    /** How often the metric is read; the error of a measured duration is at most this. */
    private static final long SAMPLE_NANOS = Duration.ofMillis(10).toNanos();

    /**
     * @param records      records the stream threads processed
     * @param expected     records they were expected to process
     * @param processing   first processed record → last expected record processed
     * @param sinceStart   {@code start()} → last expected record processed (includes rebalance and restoring the
     *                     global stores)
     * @param cpuByThread  the process's CPU during the pass by kind of thread (stream threads, broker, GC, JIT, ...)
     * @param written      what the app's producers sent meanwhile, by topic
     */
    record Result(
            long records,
            long expected,
            Duration processing,
            Duration sinceStart,
            long processCpuNanos,
            java.util.Map<ThreadCpu.Kind, Long> cpuByThread,
            WrittenBytes written,
            PassCommits commits) {

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

    /**
     * Starts the app, waits until its threads processed {@code expected} records (or made no progress for
     * {@code stallTimeout}), and closes it.
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
            Runnable start,
            Runnable close,
            long expected,
            Duration stallTimeout) {
        return run(
                streams,
                applicationId,
                start,
                close,
                new ProcessedRecords(streams, threads)::get,
                expected,
                stallTimeout);
    }

    /**
     * Starts the app, waits until {@code progress} reaches {@code expected} (or makes no progress for
     * {@code stallTimeout}), and closes it.
     */
    static Result run(
            KafkaStreams streams,
            String applicationId,
            Runnable start,
            Runnable close,
            java.util.function.LongSupplier progress,
            long expected,
            Duration stallTimeout) {
        String streamThreads = applicationId + "-";
        long processCpuAtStart = CpuTime.processNanos();
        ThreadCpu threadCpuAtStart = ThreadCpu.now();
        long started = System.nanoTime();
        start.run();
        try {
            long first = -1;
            long last = 0;
            long lastProgress = System.nanoTime();
            while (true) {
                long now = System.nanoTime();
                long processed = progress.getAsLong();
                if (processed > last) {
                    last = processed;
                    lastProgress = now;
                    if (first < 0) {
                        first = now;
                    }
                }
                if (processed >= expected) {
                    return new Result(
                            processed,
                            expected,
                            Duration.ofNanos(now - first),
                            Duration.ofNanos(now - started),
                            CpuTime.processNanos() - processCpuAtStart,
                            ThreadCpu.now().since(threadCpuAtStart, streamThreads),
                            WrittenBytes.of(streams, applicationId),
                            PassCommits.of(streams));
                }
                KafkaStreams.State state = streams.state();
                if (state == KafkaStreams.State.ERROR
                        || state == KafkaStreams.State.NOT_RUNNING
                        || state == KafkaStreams.State.PENDING_ERROR) {
                    throw new IllegalStateException("The Streams app stopped (" + state + ") after " + processed
                            + " of " + expected + " records; see the log above for its error");
                }
                if (now - lastProgress > stallTimeout.toNanos()) {
                    long end = lastProgress;
                    return new Result(
                            processed,
                            expected,
                            Duration.ofNanos(Math.max(0, end - Math.max(first, started))),
                            Duration.ofNanos(end - started),
                            CpuTime.processNanos() - processCpuAtStart,
                            ThreadCpu.now().since(threadCpuAtStart, streamThreads),
                            WrittenBytes.of(streams, applicationId),
                            PassCommits.of(streams));
                }
                java.util.concurrent.locks.LockSupport.parkNanos(SAMPLE_NANOS);
            }
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
     * The news counted in the pipeline's activities, summed over every cluster, consortium and programme, plus the
     * reports counted in its events: read from
     * the aggregate stores (interactive queries), which hold what the last commit wrote. It reaches the corpus's
     * contribution count when every news has gone through the whole pipeline, whatever the number of records
     * (partial activities) the repartition topics carried. Read every 100 ms: each read decodes every activity.
     */
    static final class CountedNews implements java.util.function.LongSupplier {
        /** How often the stores are read once every news is processed: the error of the measured end. */
        private static final long READ_EVERY_NANOS = Duration.ofMillis(100).toNanos();
        /** How often they are read before that: only to see progress (stall detection), not the end. */
        private static final long READ_WHILE_INPUT_REMAINS_NANOS =
                Duration.ofSeconds(2).toNanos();

        private final KafkaStreams streams;
        private final java.util.List<String> stores;
        private final String newsTopic;
        private final long news;
        private long lastRead = Long.MIN_VALUE;
        private long counted;
        private long lastOthers = -1;
        private long lastLast;
        private boolean inputCommitted;
        private long lastInputCheck;

        /**
         * @param stores    the stores whose counts add up to the expected total, the largest values last
         * @param newsTopic the input topic, holding {@code news} records for this pass
         */
        CountedNews(KafkaStreams streams, java.util.List<String> stores, String newsTopic, long news) {
            this.streams = streams;
            this.stores = stores;
            this.newsTopic = newsTopic;
            this.news = news;
            this.lastInputCheck = System.nanoTime() - READ_EVERY_NANOS;
        }

        @Override
        public long getAsLong() {
            long now = System.nanoTime();
            if (streams.state() != KafkaStreams.State.RUNNING) {
                return counted;
            }
            // decoding every activity is not free: read the stores often only once the input is all committed, so
            // that the harness does not take the cores the pipeline is measured on (it took a third of the stream
            // thread's CPU when it read them every 100 ms)
            if (lastRead != Long.MIN_VALUE
                    && (now - lastRead < READ_EVERY_NANOS
                            || (now - lastRead < READ_WHILE_INPUT_REMAINS_NANOS && !inputCommitted(now)))) {
                return counted;
            }
            lastRead = now;
            try {
                // the last store (events: large values) is read only once the others stopped changing
                long others = sum(stores.subList(0, stores.size() - 1));
                if (others == lastOthers) {
                    lastLast = sum(stores.subList(stores.size() - 1, stores.size()));
                }
                lastOthers = others;
                counted = others + lastLast;
            } catch (org.apache.kafka.streams.errors.InvalidStateStoreException rebalancing) {
                // a rebalance or restore in progress: keep the last count
            }
            return counted;
        }

        /**
         * Whether the app committed the offsets of every news: only the aggregation behind them remains. Asked at most
         * every {@link #READ_EVERY_NANOS}; once true, it stays true.
         */
        private boolean inputCommitted(long now) {
            if (inputCommitted || now - lastInputCheck < READ_EVERY_NANOS) {
                return inputCommitted;
            }
            lastInputCheck = now;
            long committed = 0;
            for (org.apache.kafka.streams.ThreadMetadata thread : streams.metadataForLocalThreads()) {
                for (org.apache.kafka.streams.TaskMetadata task : thread.activeTasks()) {
                    for (Map.Entry<org.apache.kafka.common.TopicPartition, Long> offset :
                            task.committedOffsets().entrySet()) {
                        if (offset.getKey().topic().equals(newsTopic) && offset.getValue() > 0) {
                            committed += offset.getValue();
                        }
                    }
                }
            }
            inputCommitted = committed >= news;
            return inputCommitted;
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
