package eu.clusternews.bench;

import java.util.Comparator;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

import org.apache.kafka.common.Metric;
import org.apache.kafka.common.MetricName;
import org.apache.kafka.streams.KafkaStreams;

/**
 * What an app's producers sent, by topic, from their {@code producer-topic-metrics} {@code byte-total} (the batches as
 * sent, so after compression): what the broker had to write for the pass. Internal topics are named without the
 * application id.
 */
record WrittenBytes(Map<String, Double> byTopic) {

    static WrittenBytes of(KafkaStreams streams, String applicationId) {
        Map<String, Double> byTopic = new TreeMap<>();
        for (Map.Entry<MetricName, ? extends Metric> e : streams.metrics().entrySet()) {
            MetricName name = e.getKey();
            String topic = name.tags().get("topic");
            if (topic != null
                    && name.group().equals("producer-topic-metrics")
                    && name.name().equals("byte-total")
                    && e.getValue().metricValue() instanceof Number number
                    && !Double.isNaN(number.doubleValue())) {
                String shortName =
                        topic.startsWith(applicationId + "-") ? topic.substring(applicationId.length() + 1) : topic;
                byTopic.merge(shortName, number.doubleValue(), Double::sum);
            }
        }
        return new WrittenBytes(byTopic);
    }

    /** One line: the kilobytes sent per input event, in all and by topic, largest first. */
    String describe(long events) {
        double total =
                byTopic.values().stream().mapToDouble(Double::doubleValue).sum();
        String topics = byTopic.entrySet().stream()
                .sorted(Map.Entry.<String, Double>comparingByValue(Comparator.reverseOrder()))
                .map(e -> String.format(Locale.ROOT, "%s %.2f", e.getKey(), e.getValue() / events / 1024))
                .collect(Collectors.joining(", "));
        return String.format(
                Locale.ROOT,
                "  sent (compressed batches): %.2f KB per news (%.0f MB) = %s",
                total / events / 1024,
                total / 1024 / 1024,
                topics);
    }
}
