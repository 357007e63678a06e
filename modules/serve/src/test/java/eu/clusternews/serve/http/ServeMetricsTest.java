package eu.clusternews.serve.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import eu.clusternews.serve.fake.InMemoryActivityQueries;
import eu.clusternews.serve.fake.SeedData;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** /metrics in Prometheus conventions: the JVM, the process and every HTTP request, beside the pipeline's own. */
class ServeMetricsTest {

    private ClusterNewsServer server;
    private final HttpClient http = HttpClient.newHttpClient();

    @BeforeEach
    void start() {
        server = ClusterNewsServer.builder(SeedData.load(new InMemoryActivityQueries()))
                .host("127.0.0.1")
                .port(0)
                .deadLetterCount(() -> 7L)
                .start();
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private HttpResponse<String> get(String path) throws Exception {
        return http.send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void jvmAndProcessMetricsAreServedUnderPrometheusNames() throws Exception {
        String metrics = get("/metrics").body();

        assertThat(metrics)
                .contains(
                        "jvm_memory_used_bytes{area=\"heap\"",
                        "jvm_memory_max_bytes{",
                        "jvm_gc_memory_allocated_bytes_total",
                        "jvm_threads_live_threads",
                        "jvm_classes_loaded_classes",
                        "process_cpu_usage",
                        "system_cpu_count",
                        "process_uptime_seconds",
                        "process_start_time_seconds",
                        "process_files_open_files",
                        "clusternews_dlq_records_total 7.0");
        assertThat(metrics).contains("# TYPE jvm_memory_used_bytes gauge", "# TYPE process_uptime_seconds gauge");
    }

    @Test
    void everyRequestIsTimedByMethodRouteTemplateStatusAndOutcomeWithHistogramBuckets() throws Exception {
        get("/api/clusters/org:bnpt");
        get("/api/clusters/org:nobody");
        get("/api/clusters/org:nobody");

        String metrics = get("/metrics").body();

        assertThat(metrics)
                .contains("http_server_requests_seconds_count{method=\"GET\",outcome=\"SUCCESS\",status=\"200\","
                        + "uri=\"/api/clusters/{id}\"} 1")
                .contains("http_server_requests_seconds_count{method=\"GET\",outcome=\"CLIENT_ERROR\",status=\"404\","
                        + "uri=\"/api/clusters/{id}\"} 2")
                .contains("http_server_requests_seconds_bucket{method=\"GET\",outcome=\"SUCCESS\",status=\"200\","
                        + "uri=\"/api/clusters/{id}\",le=\"+Inf\"} 1")
                .doesNotContain("org:nobody");
    }

    @Test
    void outcomesFollowMicrometersStatusClasses() {
        assertThat(ServeMetrics.outcome(200)).isEqualTo("SUCCESS");
        assertThat(ServeMetrics.outcome(304)).isEqualTo("REDIRECTION");
        assertThat(ServeMetrics.outcome(404)).isEqualTo("CLIENT_ERROR");
        assertThat(ServeMetrics.outcome(503)).isEqualTo("SERVER_ERROR");
    }
}
