package eu.clusternews.bench;

import java.util.Locale;
import java.util.Map;

import org.apache.kafka.common.Metric;
import org.apache.kafka.common.MetricName;
import org.apache.kafka.streams.KafkaStreams;

/**
 * The commits of a pass, from its stream threads' {@code commit-total} and {@code commit-latency-avg}: under
 * exactly-once every commit writes back each changed aggregate and event and waits for the producer's flush and the
 * transaction's end, so how many a pass made says how much of it went to commits.
 */
record PassCommits(long commits, double meanMillis) {

    static PassCommits of(KafkaStreams streams) {
        double commits = 0;
        double latencySum = 0;
        int latencies = 0;
        for (Map.Entry<MetricName, ? extends Metric> e : streams.metrics().entrySet()) {
            MetricName name = e.getKey();
            if (!name.group().equals("stream-thread-metrics")
                    || !(e.getValue().metricValue() instanceof Number number)
                    || Double.isNaN(number.doubleValue())) {
                continue;
            }
            if (name.name().equals("commit-total")) {
                commits += number.doubleValue();
            } else if (name.name().equals("commit-latency-avg")) {
                latencySum += number.doubleValue();
                latencies++;
            }
        }
        return new PassCommits((long) commits, latencies == 0 ? Double.NaN : latencySum / latencies);
    }

    /**
     * One line: the commits, news per commit, and the mean time a commit took (Kafka's windowed average, over up to
     * the last minute: the whole of a pass of seconds).
     */
    String describe(long events) {
        return String.format(
                Locale.ROOT,
                "  commits: %d (%.0f news per commit), %.1f ms each on average (the stream threads' commit-latency-avg)",
                commits,
                commits == 0 ? Double.NaN : (double) events / commits,
                meanMillis);
    }
}
