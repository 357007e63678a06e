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
     */
    record Result(
            long records,
            long expected,
            Duration processing,
            Duration sinceStart,
            long streamThreadCpuNanos,
            long processCpuNanos) {

        boolean complete() {
            return records >= expected;
        }

        /** Input events per CPU-second of the app's stream threads (what the topology costs, whatever the load). */
        double eventsPerStreamThreadCpuSecond(long events) {
            return events / (Math.max(streamThreadCpuNanos, 1) / 1e9);
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
                            streamThreadCpu(streamThreads),
                            CpuTime.processNanos() - processCpuAtStart);
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
                            streamThreadCpu(streamThreads),
                            CpuTime.processNanos() - processCpuAtStart);
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
     * reports counted in its events: read from the aggregate stores (interactive queries), which hold what the last
     * commit wrote. It reaches the corpus's contribution count when every news has gone through the whole pipeline,
     * whatever the number of records (partial activities) the repartition topics carried.
     *
     * <p>Reading is not free (each read decodes every value it sums) and runs on the cores the pipeline is measured
     * on, so it is kept rare: the activities (tens of values) every 2 s while input remains, every 100 ms after; the
     * events (thousands of large values) only once the activities are complete, and then at most once in five times
     * the length of the last read, so that the harness takes no more than a fifth of a core from the pipeline's
     * last commits (reading them every 100 ms took most of a core while the event matching finished).
     */
    static final class CountedNews implements java.util.function.LongSupplier {
        /** How often the activities are read once every news is processed: the error of the measured end. */
        private static final long READ_EVERY_NANOS = Duration.ofMillis(100).toNanos();
        /** How often they are read before that: only to see progress (stall detection), not the end. */
        private static final long READ_WHILE_INPUT_REMAINS_NANOS =
                Duration.ofSeconds(2).toNanos();
        /** The events are read at most once in this many times the last read's length. */
        private static final int EVENTS_READ_SHARE = 5;

        private final KafkaStreams streams;
        private final java.util.List<String> activityStores;
        private final String eventsStore;
        private final String newsTopic;
        private final long news;
        private final long expectedInActivities;
        private long lastRead = Long.MIN_VALUE;
        private long lastEventsRead = Long.MIN_VALUE;
        private long eventsReadNanos;
        private long inActivities;
        private long inEvents;
        private boolean inputCommitted;
        private long lastInputCheck;

        /**
         * @param activityStores       the stores whose values count news ({@code newsCount})
         * @param eventsStore          the store whose values count reports ({@code reportCount})
         * @param newsTopic            the input topic, holding {@code news} records for this pass
         * @param expectedInActivities the news the activity stores count in all once every news is processed
         */
        CountedNews(
                KafkaStreams streams,
                java.util.List<String> activityStores,
                String eventsStore,
                String newsTopic,
                long news,
                long expectedInActivities) {
            this.streams = streams;
            this.activityStores = activityStores;
            this.eventsStore = eventsStore;
            this.newsTopic = newsTopic;
            this.news = news;
            this.expectedInActivities = expectedInActivities;
            this.lastInputCheck = System.nanoTime() - READ_EVERY_NANOS;
        }

        @Override
        public long getAsLong() {
            long now = System.nanoTime();
            if (streams.state() != KafkaStreams.State.RUNNING) {
                return inActivities + inEvents;
            }
            if (lastRead != Long.MIN_VALUE
                    && (now - lastRead < READ_EVERY_NANOS
                            || (now - lastRead < READ_WHILE_INPUT_REMAINS_NANOS && !inputCommitted(now)))) {
                return inActivities + inEvents;
            }
            lastRead = now;
            try {
                inActivities = sum(activityStores);
                if (inActivities >= expectedInActivities
                        && (lastEventsRead == Long.MIN_VALUE
                                || now - lastEventsRead >= EVENTS_READ_SHARE * eventsReadNanos)) {
                    lastEventsRead = now;
                    inEvents = sum(java.util.List.of(eventsStore));
                    eventsReadNanos = System.nanoTime() - now;
                }
            } catch (org.apache.kafka.streams.errors.InvalidStateStoreException rebalancing) {
                // a rebalance or restore in progress: keep the last count
            }
            return inActivities + inEvents;
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

    /** CPU time of the app's stream threads (named {@code <application.id>-<uuid>-StreamThread-N}). */
    private static long streamThreadCpu(String applicationIdPrefix) {
        long total = 0;
        java.lang.management.ThreadMXBean threads = java.lang.management.ManagementFactory.getThreadMXBean();
        for (java.lang.management.ThreadInfo info : threads.getThreadInfo(threads.getAllThreadIds())) {
            if (info != null
                    && info.getThreadName().startsWith(applicationIdPrefix)
                    && info.getThreadName().contains("-StreamThread-")) {
                total += Math.max(0, threads.getThreadCpuTime(info.getThreadId()));
            }
        }
        return total;
    }

    static double seconds(Duration d) {
        return Math.max(d.toNanos(), 1) / 1e9;
    }
}
