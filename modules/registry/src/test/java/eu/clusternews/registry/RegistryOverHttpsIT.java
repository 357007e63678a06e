package eu.clusternews.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import eu.clusternews.avro.Organisation;
import eu.clusternews.local.LoopbackPorts;
import eu.clusternews.local.RegistryDistribution;
import eu.clusternews.local.testing.TestCertificates;
import org.apache.avro.Schema;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The real Apicurio Registry served over HTTPS only, with a certificate signed by a private CA made in the test with
 * keytool: the client registers and reads schemas through {@code schema.registry.ssl.truststore.*}, and without the
 * truststore says which URL it could not trust.
 */
class RegistryOverHttpsIT {

    private static final Schema SCHEMA = AvroSchemas.withoutJavaProperties(Organisation.getClassSchema());

    @TempDir
    static Path dir;

    private static TestCertificates certificates;
    private static Process apicurio;
    private static Path log;
    private static String url;
    private static int httpPort;

    @BeforeAll
    static void startApicurioOverHttps() throws Exception {
        certificates = new TestCertificates(dir);
        int httpsPort = LoopbackPorts.pickFree();
        httpPort = LoopbackPorts.pickFree();
        Path home = RegistryDistribution.locate();
        log = dir.resolve("apicurio.log");
        ProcessBuilder builder = new ProcessBuilder(List.of(
                        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                        "-Xmx160m",
                        "-XX:+UseSerialGC",
                        "-XX:TieredStopAtLevel=1",
                        "-Dquarkus.http.host=127.0.0.1",
                        "-Dquarkus.http.port=" + httpPort,
                        "-Dquarkus.http.ssl-port=" + httpsPort,
                        "-Dquarkus.http.ssl.certificate.key-store-file=" + certificates.serverKeystore,
                        "-Dquarkus.http.ssl.certificate.key-store-password=" + certificates.password,
                        "-Dquarkus.http.insecure-requests=disabled",
                        "-Dquarkus.otel.sdk.disabled=true",
                        "-Dquarkus.management.enabled=false",
                        "-Dregistry.ccompat.use-canonical-hash=true",
                        "-jar",
                        RegistryDistribution.runnerJar(home).toString()))
                .directory(dir.toFile())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile());
        builder.environment().put("REGISTRY_DATASOURCE_URL", "jdbc:h2:mem:registry");
        apicurio = builder.start();
        url = "https://127.0.0.1:" + httpsPort + "/apis/ccompat/v7";
        RestSchemaRegistryClient probe = new RestSchemaRegistryClient(trusting(0));
        await("Apicurio over HTTPS")
                .atMost(Duration.ofSeconds(120))
                .pollInterval(Duration.ofMillis(250))
                .ignoreException(RegistryUnreachableException.class)
                .failFast("Apicurio exited; its log: " + log, () -> !apicurio.isAlive())
                .until(() -> probe.subjects() != null);
    }

    @AfterAll
    static void stopApicurio() throws InterruptedException {
        if (apicurio != null) {
            apicurio.destroy();
            if (!apicurio.waitFor(20, java.util.concurrent.TimeUnit.SECONDS)) {
                apicurio.destroyForcibly();
            }
        }
    }

    private static Map<String, Object> trusting(int maxRetries) {
        return TruststoreSettings.trustingPkcs12(url, maxRetries, certificates);
    }

    @Test
    void registersAndReadsASchemaOverHttpsThroughTheTruststore() {
        RestSchemaRegistryClient writer = new RestSchemaRegistryClient(trusting(3));
        int id = writer.register("ref-organisations-value", SCHEMA);

        // a second client, so the schema comes from the registry and not from the writer's cache
        RestSchemaRegistryClient reader = new RestSchemaRegistryClient(trusting(3));
        assertThat(AvroSchemas.sameCanonical(reader.getById(id), SCHEMA)).isTrue();
        assertThat(reader.getLatest("ref-organisations-value").id()).isEqualTo(id);
        assertThat(reader.subjects()).contains("ref-organisations-value");
        assertThatThrownBy(() -> reader.getById(987_654)).isInstanceOf(UnknownSchemaIdException.class);
    }

    @Test
    void withoutTheTruststoreItFailsNamingTheUrlAndTheSettingToFix() {
        Map<String, Object> config = new HashMap<>();
        config.put(SchemaRegistryConfig.SCHEMA_REGISTRY_URL, url);
        config.put(SchemaRegistryConfig.MAX_RETRIES, 0);
        RestSchemaRegistryClient untrusting = new RestSchemaRegistryClient(config);

        assertThatThrownBy(() -> untrusting.register("ref-organisations-value", SCHEMA))
                .isInstanceOf(RegistryUnreachableException.class)
                .hasMessageContaining("No schema registry answers at " + url)
                .hasMessageContaining("TLS certificate is not trusted")
                .hasMessageContaining(SchemaRegistryConfig.SSL_TRUSTSTORE_LOCATION);
    }

    @Test
    void theRegistryServesHttpsOnly() throws IOException {
        assertThat(Files.readString(log))
                .contains("Listening on: https://127.0.0.1:")
                .doesNotContain("http://127.0.0.1:");
        Map<String, Object> config = new HashMap<>();
        config.put(SchemaRegistryConfig.SCHEMA_REGISTRY_URL, "http://127.0.0.1:" + httpPort + "/apis/ccompat/v7");
        config.put(SchemaRegistryConfig.MAX_RETRIES, 0);

        assertThatThrownBy(() -> new RestSchemaRegistryClient(config).subjects())
                .isInstanceOf(RegistryUnreachableException.class);
    }
}
