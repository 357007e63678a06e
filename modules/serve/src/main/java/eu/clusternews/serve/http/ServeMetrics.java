package eu.clusternews.serve.http;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.binder.kafka.KafkaStreamsMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Duration;
import java.util.function.LongSupplier;
import org.apache.kafka.streams.KafkaStreams;

/**
 * The meters behind {@code /metrics}: API latencies per route and status, the dead-letter count the
 * application supplies, and Kafka Streams' own metrics through Micrometer's binder.
 */
final class ServeMetrics implements AutoCloseable {

    static final String REQUESTS = "clusternews.http.requests";
    static final String DLQ_RECORDS = "clusternews.dlq.records";

    private final PrometheusMeterRegistry registry;
    private KafkaStreamsMetrics streamsMetrics;

    ServeMetrics(PrometheusMeterRegistry registry) {
        this.registry = registry == null ? new PrometheusMeterRegistry(PrometheusConfig.DEFAULT) : registry;
    }

    PrometheusMeterRegistry registry() {
        return registry;
    }

    void bindKafkaStreams(KafkaStreams streams) {
        streamsMetrics = new KafkaStreamsMetrics(streams);
        streamsMetrics.bindTo(registry);
    }

    void bindDeadLetterCount(LongSupplier count) {
        FunctionCounter.builder(DLQ_RECORDS, count, c -> (double) c.getAsLong())
                .description("Records the pipeline sent to the dead-letter topic")
                .register(registry);
    }

    void recordRequest(String method, String route, int status, Duration elapsed) {
        Timer.builder(REQUESTS)
                .description("HTTP API requests by route and status")
                .tag("method", method)
                .tag("route", route)
                .tag("status", Integer.toString(status))
                .register(registry)
                .record(elapsed);
    }

    String scrape() {
        return registry.scrape();
    }

    @Override
    public void close() {
        if (streamsMetrics != null) {
            streamsMetrics.close();
        }
    }
}
