package eu.clusternews.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
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

    @Test
    void aTakenKafkaPortIsNamedWithItsFlagAndNothingIsStarted(@TempDir Path dataDir) throws IOException {
        try (ServerSocket taken = takeAPort()) {
            int port = taken.getLocalPort();
            assertThatThrownBy(() -> LocalStack.builder()
                            .dataDir(dataDir)
                            .kafkaPort(port)
                            .registryPort(LoopbackPorts.pickFree())
                            .start())
                    .isInstanceOf(PortInUseException.class)
                    .hasMessageContaining("Port " + port + " on 127.0.0.1 is already in use")
                    .hasMessageContaining("--kafka-port");
        }
        assertThat(dataDir).isEmptyDirectory();
    }

    @Test
    void aTakenRegistryPortIsNamedWithItsFlagAndNothingIsStarted(@TempDir Path dataDir) throws IOException {
        try (ServerSocket taken = takeAPort()) {
            int port = taken.getLocalPort();
            assertThatThrownBy(() -> LocalStack.builder()
                            .dataDir(dataDir)
                            .kafkaPort(LoopbackPorts.pickFree())
                            .registryPort(port)
                            .start())
                    .isInstanceOf(PortInUseException.class)
                    .hasMessageContaining("Port " + port + " on 127.0.0.1 is already in use")
                    .hasMessageContaining("--registry-port");
        }
        assertThat(dataDir).isEmptyDirectory();
    }

    private static ServerSocket takeAPort() throws IOException {
        return new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
    }
}
