package eu.clusternews.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.common.config.ConfigException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** Confluent's client keys: authentication, TLS files, unknown keys; and no secret ever in a log or a message. */
class RegistryClientSettingsTest {

    private static final String PASSWORD = "pa55-" + UUID.randomUUID();
    private static final String TOKEN = "tok-" + UUID.randomUUID();

    @RegisterExtension
    final FakeSchemaRegistry registry = new FakeSchemaRegistry(FakeSchemaRegistry.APICURIO_CCOMPAT);

    private Map<String, Object> config() {
        return FakeSchemaRegistry.clientConfig(registry.url(), 1);
    }

    @Test
    void sendsAStaticBearerTokenAndConfluentCloudsHeadersAndNeverShowsTheToken() {
        registry.answer("GET", "/subjects", 200, "[]")
                .answer("GET", "/schemas/ids/1", 401, "{\"message\":\"expired\"}");
        Map<String, Object> config = config();
        config.put(SchemaRegistryConfig.BEARER_AUTH_CREDENTIALS_SOURCE, "STATIC_TOKEN");
        config.put(SchemaRegistryConfig.BEARER_AUTH_TOKEN, TOKEN);
        config.put(SchemaRegistryConfig.BEARER_AUTH_LOGICAL_CLUSTER, "lsrc-123");
        config.put(SchemaRegistryConfig.BEARER_AUTH_IDENTITY_POOL_ID, "pool-9");

        try (CapturedLogs logs = new CapturedLogs()) {
            RestSchemaRegistryClient client = new RestSchemaRegistryClient(config);
            client.subjects();

            assertThat(registry.requests().get(0).authorization()).isEqualTo("Bearer " + TOKEN);
            assertThat(registry.requests().get(0).headers())
                    .containsEntry("Target-sr-cluster", "lsrc-123")
                    .containsEntry("Confluent-identity-pool-id", "pool-9");
            assertThat(client.toString()).contains("bearer auth").doesNotContain(TOKEN);
            assertThatThrownBy(() -> client.getById(1))
                    .isInstanceOf(RegistryUnreachableException.class)
                    .hasMessageContaining("401")
                    .hasMessageContaining("bearer.auth.token")
                    .hasMessageNotContaining(TOKEN);
            assertThat(logs.lines()).isNotEmpty().noneMatch(line -> line.contains(TOKEN));
        }
    }

    @Test
    void refusesBearerSourcesItCannotServeAndTwoKindsOfCredentials() {
        Map<String, Object> oauth = config();
        oauth.put(SchemaRegistryConfig.BEARER_AUTH_CREDENTIALS_SOURCE, "OAUTHBEARER");
        assertThatThrownBy(() -> new RestSchemaRegistryClient(oauth))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("STATIC_TOKEN");

        Map<String, Object> both = config();
        both.put(SchemaRegistryConfig.BASIC_AUTH_USER_INFO, "alice:" + PASSWORD);
        both.put(SchemaRegistryConfig.BEARER_AUTH_TOKEN, TOKEN);
        assertThatThrownBy(() -> new RestSchemaRegistryClient(both))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("not both")
                .hasMessageNotContaining(PASSWORD)
                .hasMessageNotContaining(TOKEN);
    }

    @Test
    void readsTheOlderSpellingOfTheUserInfo() {
        registry.answer("GET", "/subjects", 200, "[]");
        Map<String, Object> config = config();
        config.put(SchemaRegistryConfig.BASIC_AUTH_CREDENTIALS_SOURCE, "USER_INFO");
        config.put(SchemaRegistryConfig.SCHEMA_REGISTRY_BASIC_AUTH_USER_INFO, "alice:s3cret");

        new RestSchemaRegistryClient(config).subjects();

        assertThat(registry.requests().get(0).authorization()).isEqualTo("Basic YWxpY2U6czNjcmV0");
    }

    @Test
    void credentialsInTheUrlNeverReachALogOrAMessage() {
        registry.answer("GET", "/subjects", 503, "{\"message\":\"down\"}");
        Map<String, Object> config = config();
        String withCredentials = registry.url().replace("http://", "http://bob:" + PASSWORD + "@");
        config.put(SchemaRegistryConfig.SCHEMA_REGISTRY_URL, withCredentials);

        try (CapturedLogs logs = new CapturedLogs()) {
            RestSchemaRegistryClient client = new RestSchemaRegistryClient(config);
            assertThatThrownBy(client::subjects)
                    .isInstanceOf(RegistryUnreachableException.class)
                    .hasMessageNotContaining(PASSWORD);

            assertThat(registry.requests().get(0).authorization()).startsWith("Basic ");
            assertThat(client.url()).isEqualTo(registry.url());
            assertThat(logs.lines()).as("the retry warnings").isNotEmpty().noneMatch(line -> line.contains(PASSWORD));
        }
        assertThat(SchemaRegistryConfig.redactUrl("https://bob:" + PASSWORD + "@r1:8081,https://eve:x@r2/api"))
                .isEqualTo("https://***@r1:8081,https://***@r2/api");
        assertThatThrownBy(() -> new RestSchemaRegistryClient("ftp://bob:" + PASSWORD + "@host"))
                .isInstanceOf(ConfigException.class)
                .hasMessageNotContaining(PASSWORD);
    }

    @Test
    void warnsOnceAboutKeysItDoesNotKnowWithoutTheirValues() {
        String unknown = "schema.registry.unknown." + UUID.randomUUID();
        String secret = "bearer.auth.client.secret." + UUID.randomUUID();
        Map<String, Object> config = config();
        config.put(unknown, "1");
        config.put(secret, PASSWORD);
        config.put("bootstrap.servers", "127.0.0.1:9092"); // not a registry key: no word about it

        try (CapturedLogs logs = new CapturedLogs()) {
            new RestSchemaRegistryClient(config);
            new RestSchemaRegistryClient(config);

            List<String> warnings =
                    logs.lines().stream().filter(line -> line.contains(unknown)).toList();
            assertThat(warnings).hasSize(1);
            assertThat(warnings.get(0)).startsWith("WARN").contains(secret).doesNotContain("bootstrap.servers");
            assertThat(logs.lines()).noneMatch(line -> line.contains(PASSWORD));
        }
    }

    @Test
    void aMissingOrUnreadableTruststoreIsAClearConfigurationErrorWithoutThePassword(@TempDir Path dir)
            throws IOException {
        Map<String, Object> missing = config();
        missing.put(
                SchemaRegistryConfig.SSL_TRUSTSTORE_LOCATION,
                dir.resolve("nowhere.p12").toString());
        assertThatThrownBy(() -> new RestSchemaRegistryClient(missing))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining(SchemaRegistryConfig.SSL_TRUSTSTORE_LOCATION)
                .hasMessageContaining("no such file");

        Path notAStore = Files.writeString(dir.resolve("truststore.p12"), "not a keystore");
        Map<String, Object> unreadable = config();
        unreadable.put(SchemaRegistryConfig.SSL_TRUSTSTORE_LOCATION, notAStore.toString());
        unreadable.put(SchemaRegistryConfig.SSL_TRUSTSTORE_TYPE, "PKCS12");
        unreadable.put(SchemaRegistryConfig.SSL_TRUSTSTORE_PASSWORD, PASSWORD);
        assertThatThrownBy(() -> new RestSchemaRegistryClient(unreadable))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining(notAStore.toString())
                .hasMessageContaining("PKCS12")
                .hasMessageNotContaining(PASSWORD);

        Map<String, Object> noHostCheck = config();
        noHostCheck.put(SchemaRegistryConfig.SSL_ENDPOINT_IDENTIFICATION_ALGORITHM, "");
        assertThatThrownBy(() -> new RestSchemaRegistryClient(noHostCheck))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("subject alternative name");
    }
}
