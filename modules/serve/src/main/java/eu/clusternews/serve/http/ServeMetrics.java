package eu.clusternews.serve.http;

import java.time.Duration;
import java.util.List;
import java.util.function.LongSupplier;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.binder.MeterBinder;
import io.micrometer.core.instrument.binder.jvm.ClassLoaderMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.kafka.KafkaStreamsMetrics;
import io.micrometer.core.instrument.binder.system.FileDescriptorMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import org.apache.kafka.streams.KafkaStreams;

/**
 * The meters behind {@code /metrics}, in Prometheus conventions: the JVM's (memory, GC, threads, classes), the
 * process's (CPU, uptime, open files), HTTP requests as {@code http_server_requests_seconds} (method, uri template,
 * status, outcome, with histogram buckets for percentiles), the dead-letter count the application supplies, and
 * Kafka Streams' own metrics through Micrometer's binder. Names: see modules/serve/API.md.
 */
final class ServeMetrics implements AutoCloseable {

    /** Micrometer's and Spring's name: dashboards for JVM services already know it. */
    static final String REQUESTS = "http.server.requests";

    static final String DLQ_RECORDS = "clusternews.dlq.records";

    private final PrometheusMeterRegistry registry;
    private final JvmGcMetrics gcMetrics = new JvmGcMetrics();
    private KafkaStreamsMetrics streamsMetrics;

    ServeMetrics(PrometheusMeterRegistry registry) {
        this.registry = registry == null ? new PrometheusMeterRegistry(PrometheusConfig.DEFAULT) : registry;
        for (MeterBinder binder : List.of(
                new JvmMemoryMetrics(),
                gcMetrics,
                new JvmThreadMetrics(),
                new ClassLoaderMetrics(),
                new ProcessorMetrics(),
                new UptimeMetrics(),
                new FileDescriptorMetrics())) {
            binder.bindTo(this.registry);
        }
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
                .description("HTTP requests by method, route template, status and outcome")
                .tag("method", method)
                .tag("uri", route)
                .tag("status", Integer.toString(status))
                .tag("outcome", outcome(status))
                .publishPercentileHistogram()
                .minimumExpectedValue(Duration.ofMillis(1))
                .maximumExpectedValue(Duration.ofSeconds(10))
                .register(registry)
                .record(elapsed);
    }

    /** Micrometer's outcome tag: lets a dashboard count errors without listing status codes. */
    static String outcome(int status) {
        if (status >= 500) {
            return "SERVER_ERROR";
        }
        if (status >= 400) {
            return "CLIENT_ERROR";
        }
        if (status >= 300) {
            return "REDIRECTION";
        }
        if (status >= 200) {
            return "SUCCESS";
        }
        return status >= 100 ? "INFORMATIONAL" : "UNKNOWN";
    }

    String scrape() {
        return registry.scrape();
    }

    @Override
    public void close() {
        gcMetrics.close();
        if (streamsMetrics != null) {
            streamsMetrics.close();
        }
    }
}
