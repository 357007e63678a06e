package eu.clusternews.bench;

import java.util.Locale;
import java.util.Map;
import java.util.function.Predicate;
import java.util.stream.DoubleStream;

import org.apache.kafka.common.Metric;
import org.apache.kafka.common.MetricName;
import org.apache.kafka.streams.KafkaStreams;

/**
 * What the exactly-once commits of a Kafka Streams app cost between two snapshots, from its own metrics: how many
 * commits its threads made, and the time their producers spent flushing (waiting until the broker acknowledged
 * everything sent since the last commit) and committing the transactions. The latency of a news crosses two commits.
 */
record CommitCost(
        double commits, double flushNanos, double txnCommitNanos, double sendOffsetsNanos, double recordRetries) {

    static CommitCost of(KafkaStreams streams) {
        Map<MetricName, ? extends Metric> metrics = streams.metrics();
        return new CommitCost(
                sum(metrics, "stream-thread-metrics", "commit-total"),
                sum(metrics, "producer-metrics", "flush-time-ns-total"),
                sum(metrics, "producer-metrics", "txn-commit-time-ns-total"),
                sum(metrics, "producer-metrics", "txn-send-offsets-time-ns-total"),
                sum(metrics, "producer-metrics", "record-retry-total"));
    }

    CommitCost since(CommitCost before) {
        return new CommitCost(
                commits - before.commits,
                flushNanos - before.flushNanos,
                txnCommitNanos - before.txnCommitNanos,
                sendOffsetsNanos - before.sendOffsetsNanos,
                recordRetries - before.recordRetries);
    }

    /** One line: commits, and the mean milliseconds of each part per commit. */
    String describe() {
        double n = Math.max(commits, 1);
        return String.format(
                Locale.ROOT,
                "%.0f commits; per commit: producer flush %.1f ms, offsets into the transaction %.1f ms,"
                        + " transaction commit %.1f ms; records the producer sent again after a retriable error: %.0f",
                commits,
                flushNanos / n / 1e6,
                sendOffsetsNanos / n / 1e6,
                txnCommitNanos / n / 1e6,
                recordRetries);
    }

    /**
     * The pipeline producers' own view of their sends over the last sample window (30 s): how long a batch waited in
     * the producer before it was sent, and how long a request took from send to response.
     */
    static String producerSends(KafkaStreams streams) {
        Map<MetricName, ? extends Metric> metrics = streams.metrics();
        return String.format(
                Locale.ROOT,
                "  the pipeline's producer: batches waited %.1f ms on average before sending (max %.0f), requests took"
                        + " %.1f ms from send to response (max %.0f), %.1f ms waiting for buffer memory in all",
                max(metrics, "record-queue-time-avg"),
                max(metrics, "record-queue-time-max"),
                max(metrics, "request-latency-avg"),
                max(metrics, "request-latency-max"),
                sum(metrics, "producer-metrics", "bufferpool-wait-time-ns-total") / 1e6);
    }

    /**
     * The stream threads' main consumers' own view of their fetches over the last sample window (30 s): how long a
     * fetch took from request to response (the broker holds one up to {@code fetch.max.wait.ms} while it has nothing
     * new for it), and how many were made. The restore and global consumers are left out: they fetch little, and
     * a global consumer's idle fetches always take the whole wait.
     */
    static String consumerFetches(KafkaStreams streams) {
        Map<MetricName, ? extends Metric> metrics = streams.metrics();
        return String.format(
                Locale.ROOT,
                "  the pipeline's consumer: fetches took %.1f ms on average from request to response (max %.0f), %.0f"
                        + " fetches per second",
                mainConsumers(metrics, "fetch-latency-avg").max().orElse(Double.NaN),
                mainConsumers(metrics, "fetch-latency-max").max().orElse(Double.NaN),
                mainConsumers(metrics, "fetch-rate").sum());
    }

    private static DoubleStream mainConsumers(Map<MetricName, ? extends Metric> metrics, String name) {
        return values(
                metrics,
                "consumer-fetch-manager-metrics",
                name,
                client -> client.matches(".*-StreamThread-\\d+-consumer"));
    }

    /**
     * The longest each step of the stream threads' loop took over the last sample window (30-60 s): a news that waits
     * far longer than a commit interval waited behind one of these, or outside the pipeline.
     */
    static String longestSteps(KafkaStreams streams) {
        Map<MetricName, ? extends Metric> metrics = streams.metrics();
        return String.format(
                Locale.ROOT,
                "  the stream thread's longest steps: poll %.0f ms, processing a batch %.0f ms, punctuating %.0f ms,"
                        + " committing %.0f ms",
                threadMax(metrics, "poll-latency-max"),
                threadMax(metrics, "process-latency-max"),
                threadMax(metrics, "punctuate-latency-max"),
                threadMax(metrics, "commit-latency-max"));
    }

    private static double threadMax(Map<MetricName, ? extends Metric> metrics, String name) {
        return values(metrics, "stream-thread-metrics", name).max().orElse(Double.NaN);
    }

    private static double max(Map<MetricName, ? extends Metric> metrics, String name) {
        return values(metrics, "producer-metrics", name).max().orElse(Double.NaN);
    }

    private static double sum(Map<MetricName, ? extends Metric> metrics, String group, String name) {
        return values(metrics, group, name).sum();
    }

    /** The numeric values of every metric of that group and name (one per thread or client), NaN left out. */
    private static DoubleStream values(Map<MetricName, ? extends Metric> metrics, String group, String name) {
        return values(metrics, group, name, client -> true);
    }

    /** The same, of the clients whose {@code client-id} tag (none: the empty string) passes {@code clients}. */
    private static DoubleStream values(
            Map<MetricName, ? extends Metric> metrics, String group, String name, Predicate<String> clients) {
        return metrics.entrySet().stream()
                .filter(e -> e.getKey().group().equals(group)
                        && e.getKey().name().equals(name)
                        && clients.test(e.getKey().tags().getOrDefault("client-id", "")))
                .map(e -> e.getValue().metricValue())
                .filter(value -> value instanceof Number)
                .mapToDouble(value -> ((Number) value).doubleValue())
                .filter(value -> !Double.isNaN(value));
    }
}
