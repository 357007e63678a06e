package eu.clusternews.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;

import eu.clusternews.app.ClusterNews;
import eu.clusternews.app.config.Settings;
import eu.clusternews.app.run.PipelineService;
import eu.clusternews.avro.ClusterActivity;
import eu.clusternews.local.EmbeddedKafkaBroker;
import eu.clusternews.local.LoopbackPorts;
import eu.clusternews.local.testing.TestCertificates;
import eu.clusternews.pipeline.PipelineConfig;
import eu.clusternews.testing.CommandRun;
import eu.clusternews.testing.Seeds;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The app on a broker whose only client listener is TLS, with a certificate from a private CA made in the test
 * (keytool): configured only by the standard Kafka properties in a --config file ({@code security.protocol=SSL} and
 * the truststore), setup, ingest and the pipeline all work over TLS, and the aggregates read back over TLS are right.
 */
class TlsPipelineIT {

    private static final Duration PATIENCE = Duration.ofSeconds(90);

    @TempDir
    static Path temp;

    private static TestCertificates certificates;
    private static EmbeddedKafkaBroker broker;
    private static Path clientConfig;

    @BeforeAll
    static void startABrokerWhoseClientListenerIsTls() throws Exception {
        certificates = new TestCertificates(Files.createDirectories(temp.resolve("certificates")));
        broker = EmbeddedKafkaBroker.builder(temp.resolve("broker"))
                .port(LoopbackPorts.pickFree())
                .brokerProperty("listener.security.protocol.map", "PLAINTEXT:SSL,CONTROLLER:PLAINTEXT")
                .brokerProperty("ssl.keystore.location", certificates.serverKeystore.toString())
                .brokerProperty("ssl.keystore.password", certificates.password)
                .brokerProperty("ssl.keystore.type", "PKCS12")
                // the broker reaches itself over the same listener: it trusts the same CA
                .brokerProperty("ssl.truststore.location", certificates.truststore.toString())
                .brokerProperty("ssl.truststore.password", certificates.password)
                .brokerProperty("ssl.truststore.type", "PKCS12")
                .adminClientProperties(tlsClient())
                .start();
        clientConfig = temp.resolve("client.properties");
        Properties properties = new Properties();
        properties.putAll(tlsClient());
        properties.put("bootstrap.servers", broker.bootstrapServers());
        properties.put("schema.registry.url", SharedRegistry.url());
        try (var out = Files.newBufferedWriter(clientConfig)) {
            properties.store(out, "a TLS client of a broker with a private CA");
        }
    }

    @AfterAll
    static void stop() {
        if (broker != null) {
            broker.close();
        }
    }

    @Test
    void setupIngestAndThePipelineWorkOverTlsWithTheTruststoreFromTheConfigFile() throws Exception {
        CommandRun setup = CommandRun.of(ClusterNews.commandLine(), SeedCommands.setup(clientConfig));
        assertThat(setup.exitCode()).as("setup over TLS: %s", setup.err()).isZero();
        CommandRun ingest = CommandRun.of(ClusterNews.commandLine(), SeedCommands.ingest(clientConfig));
        assertThat(ingest.exitCode()).as("ingest over TLS: %s", ingest.err()).isZero();

        Map<String, String> properties =
                new HashMap<>(Settings.resolve(clientConfig, Map.of(), Map.of()).asStrings());
        properties.put("application.id", "clusternews-tls");
        properties.put("state.dir", temp.resolve("streams").toString());
        assertThat(properties).containsEntry("security.protocol", "SSL");
        try (PipelineService pipeline = PipelineService.start(
                PipelineConfig.of(properties),
                new PipelineService.HttpSettings("127.0.0.1", LoopbackPorts.pickFree()))) {
            pipeline.awaitRunning(PATIENCE);

            await().atMost(PATIENCE)
                    .untilAsserted(() -> assertThat(clusterActivity()).hasSize(10));
            assertThat(clusterActivity().get("org:bnpt").getNewsCount()).isEqualTo(1);
        }
    }

    @Test
    void aClientWithoutTheTruststoreIsRefusedWithAMessageNamingTheBroker() {
        CommandRun setup = CommandRun.of(
                ClusterNews.commandLine(),
                "setup",
                "--bootstrap-server",
                broker.bootstrapServers(),
                "--schema-registry-url",
                SharedRegistry.url(),
                "-X",
                "security.protocol=SSL",
                "--timeout",
                "10s",
                "--reference",
                Seeds.reference().toString());

        assertThat(setup.exitCode()).isEqualTo(1);
        assertThat(setup.err()).contains(broker.bootstrapServers()).doesNotContain("\tat ");
    }

    private static Map<String, ClusterActivity> clusterActivity() {
        Map<String, Object> config = new HashMap<>(tlsClient());
        config.put("bootstrap.servers", broker.bootstrapServers());
        config.put("schema.registry.url", SharedRegistry.url());
        return TopicReader.latestClusterActivity(config);
    }

    private static Map<String, Object> tlsClient() {
        Map<String, Object> config = new HashMap<>();
        config.put("security.protocol", "SSL");
        config.put("ssl.truststore.location", certificates.truststore.toString());
        config.put("ssl.truststore.password", certificates.password);
        config.put("ssl.truststore.type", "PKCS12");
        return config;
    }
}
