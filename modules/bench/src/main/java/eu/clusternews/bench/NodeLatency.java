package eu.clusternews.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.apache.kafka.common.Metric;
import org.apache.kafka.common.MetricName;
import org.apache.kafka.streams.KafkaStreams;

/**
 * The pipeline's own view of a news' way, from Kafka Streams' {@code record-e2e-latency} of its source and terminal
 * nodes: how long after a record's timestamp (for a news, when it was sent; for a partial or an activity, the newest
 * news in it) the node saw it, mean and max over the metrics' sample window (the last 30-60 s), over all tasks.
 * Set beside the probe's figures, it tells whether a slow news waited before the pipeline read it, inside the first
 * hop, or behind the repartition.
 */
final class NodeLatency {

    private static final String GROUP = "stream-processor-node-metrics";
    private static final String NODE_TAG = "processor-node-id";

    /** The nodes along a news' way, in order, with the words the line uses for them. */
    private static final List<String[]> NODES = List.of(
            new String[] {"cluster-news-source", "news read"},
            new String[] {"cluster-news-enriched-sink", "enriched copy sent"},
            new String[] {"cluster-partials-repartition-source", "cluster partials read"},
            new String[] {"cluster-activity-sink", "cluster activity sent"});

    private NodeLatency() {}

    /** One line: each node's mean and max e2e latency in ms; nodes without the metric are left out. */
    static String describe(KafkaStreams streams) {
        Map<MetricName, ? extends Metric> metrics = streams.metrics();
        List<String> parts = new ArrayList<>();
        for (String[] node : NODES) {
            double max = Double.NaN;
            double sumOfMeans = 0;
            int means = 0;
            for (Map.Entry<MetricName, ? extends Metric> e : metrics.entrySet()) {
                MetricName name = e.getKey();
                if (!GROUP.equals(name.group()) || !node[0].equals(name.tags().get(NODE_TAG))) {
                    continue;
                }
                if (!(e.getValue().metricValue() instanceof Number number) || Double.isNaN(number.doubleValue())) {
                    continue;
                }
                if (name.name().equals("record-e2e-latency-max")) {
                    max = Double.isNaN(max) ? number.doubleValue() : Math.max(max, number.doubleValue());
                } else if (name.name().equals("record-e2e-latency-avg")) {
                    sumOfMeans += number.doubleValue();
                    means++;
                }
            }
            if (means > 0) {
                parts.add(String.format(Locale.ROOT, "%s %.0f (max %.0f)", node[1], sumOfMeans / means, max));
            }
        }
        return "  the pipeline's own record-e2e-latency, ms after the record's timestamp, mean of the tasks' means: "
                + (parts.isEmpty() ? "not reported" : String.join(", ", parts));
    }
}
