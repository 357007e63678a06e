package eu.clusternews.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import eu.clusternews.local.testing.LocalStackExtension;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

@ExtendWith(LocalStackExtension.class)
class LocalStackTest {

    @Test
    void theStackAnswersOnItsKafkaAndConfluentRegistryAddresses(LocalStack local) throws Exception {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, local.bootstrapServers()))) {
            assertThat(admin.describeCluster().clusterId().get(10, TimeUnit.SECONDS))
                    .isEqualTo(local.broker().clusterId());
        }
        HttpResponse<String> subjects = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create(local.schemaRegistryUrl() + "/subjects"))
                                .GET()
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        assertThat(subjects.statusCode()).isEqualTo(200);
        assertThat(subjects.body()).startsWith("[");
        assertThat(local.bootstrapServers()).startsWith("127.0.0.1:");
        assertThat(local.schemaRegistryUrl()).startsWith("http://127.0.0.1:").endsWith("/apis/ccompat/v7");
        assertThat(local.readyTime()).isPositive();
    }

    @ParameterizedTest
    @ValueSource(strings = {"--kafka-port", "--registry-port"})
    void aTakenPortIsNamedWithItsFlagAndNothingIsStarted(String flag, @TempDir Path dataDir) throws IOException {
        TakenPort.assertRefusedNaming(
                flag,
                port -> LocalStack.builder()
                        .dataDir(dataDir)
                        .kafkaPort(flag.equals("--kafka-port") ? port : LoopbackPorts.pickFree())
                        .registryPort(flag.equals("--registry-port") ? port : LoopbackPorts.pickFree())
                        .start());
        assertThat(dataDir).isEmptyDirectory();
    }
}
