package eu.clusternews.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ApicurioRegistryProcessTest {

    private static final String SCHEMA_JSON = "{\"schema\": \"{\\\"type\\\":\\\"record\\\",\\\"name\\\":\\\"Probe\\\","
            + "\\\"namespace\\\":\\\"eu.clusternews.test\\\",\\\"fields\\\":[{\\\"name\\\":\\\"id\\\",\\\"type\\\":\\\"string\\\"}]}\"}";

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void aSchemaRegisteredOverTheConfluentApiKeepsItsIdAfterAStopAndStartOnTheSameDataDirectory(@TempDir Path dataDir)
            throws Exception {
        int port = LoopbackPorts.pickFree();
        int id;
        long firstPid;
        ApicurioRegistryProcess registry =
                ApicurioRegistryProcess.builder(dataDir).port(port).start();
        try {
            firstPid = registry.pid();
            assertThat(registry.confluentApiUrl()).isEqualTo("http://127.0.0.1:" + port + "/apis/ccompat/v7");
            HttpResponse<String> registered =
                    post(registry.confluentApiUrl() + "/subjects/probe-value/versions", SCHEMA_JSON);
            assertThat(registered.statusCode()).as(registered.body()).isEqualTo(200);
            id = idIn(registered.body());
        } finally {
            registry.close();
        }
        assertThat(ProcessHandle.of(firstPid).filter(ProcessHandle::isAlive))
                .as("process %s after close", firstPid)
                .isEmpty();
        assertThat(LoopbackPorts.isFree(port)).as("port %s after close", port).isTrue();
        assertThat(dataDir.resolve("registry/registry.log")).isNotEmptyFile();

        try (ApicurioRegistryProcess restarted =
                ApicurioRegistryProcess.builder(dataDir).port(port).start()) {
            HttpResponse<String> latest = get(restarted.confluentApiUrl() + "/subjects/probe-value/versions/latest");
            assertThat(latest.statusCode()).as(latest.body()).isEqualTo(200);
            assertThat(idIn(latest.body())).isEqualTo(id);
            HttpResponse<String> byId = get(restarted.confluentApiUrl() + "/schemas/ids/" + id);
            assertThat(byId.body()).contains("Probe");
            // registering the same schema again answers the same id rather than a new version
            assertThat(idIn(post(restarted.confluentApiUrl() + "/subjects/probe-value/versions", SCHEMA_JSON)
                            .body()))
                    .isEqualTo(id);
        }
    }

    @Test
    void aRegistryThatCannotStartFailsWithTheEndOfItsLog(@TempDir Path dataDir, @TempDir Path brokenHome)
            throws IOException {
        Files.writeString(brokenHome.resolve(RegistryDistribution.RUNNER_JAR), "not a jar");
        Files.createDirectories(brokenHome.resolve("lib"));
        int port = LoopbackPorts.pickFree();

        assertThatThrownBy(() -> ApicurioRegistryProcess.builder(dataDir)
                        .port(port)
                        .home(brokenHome)
                        .start())
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("exited with code")
                .hasMessageContaining(dataDir.resolve("registry/registry.log")
                        .toAbsolutePath()
                        .toString())
                .hasMessageContaining("jarfile");
        assertThat(LoopbackPorts.isFree(port)).isTrue();
    }

    @Test
    void aTakenPortNamesThePortAndTheFlagThatChangesIt(@TempDir Path dataDir) throws IOException {
        TakenPort.assertRefusedNaming(
                "--registry-port",
                port -> ApicurioRegistryProcess.builder(dataDir).port(port).start());
    }

    private HttpResponse<String> post(String url, String json) throws IOException, InterruptedException {
        return http.send(
                HttpRequest.newBuilder(URI.create(url))
                        .header("Content-Type", "application/vnd.schemaregistry.v1+json")
                        .POST(HttpRequest.BodyPublishers.ofString(json))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> get(String url) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create(url)).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    private static int idIn(String json) {
        Matcher matcher = Pattern.compile("\"id\"\\s*:\\s*(\\d+)").matcher(json);
        assertThat(matcher.find()).as("an id in %s", json).isTrue();
        return Integer.parseInt(matcher.group(1));
    }
}
