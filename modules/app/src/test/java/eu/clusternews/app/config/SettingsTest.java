package eu.clusternews.app.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SettingsTest {

    @TempDir
    Path temp;

    @Test
    void withNothingGivenItPointsAtTheEmbeddedDefault() {
        Settings settings = Settings.resolve(null, Map.of(), Map.of());

        assertThat(settings.bootstrapServers()).isEqualTo("127.0.0.1:9092");
        assertThat(settings.schemaRegistryUrl()).isEqualTo("http://127.0.0.1:8081/apis/ccompat/v7");
        assertThat(settings.endpointsExplicit()).isFalse();
    }

    @Test
    void theFileOverridesDefaultsTheEnvironmentOverridesTheFileAndFlagsOverrideEverything() throws IOException {
        Path file = temp.resolve("client.properties");
        Files.writeString(
                file,
                "bootstrap.servers=file:9092\nschema.registry.url=http://file:8081\nsecurity.protocol=SASL_SSL\n");
        Map<String, String> flags = new HashMap<>();
        flags.put("schema.registry.url", "http://flag:8081");

        Settings settings = Settings.resolve(
                file,
                Map.of("KAFKA_BOOTSTRAP_SERVERS", "env:9092", "CLUSTERNEWS_SCHEMA_REGISTRY_URL", "http://env:8081"),
                flags);

        assertThat(settings.bootstrapServers()).isEqualTo("env:9092");
        assertThat(settings.schemaRegistryUrl()).isEqualTo("http://flag:8081");
        assertThat(settings.get("security.protocol")).isEqualTo("SASL_SSL");
        assertThat(settings.endpointsExplicit()).isTrue();
    }

    @Test
    void environmentVariablesBecomeKafkaPropertiesButLauncherVariablesDoNot() {
        Settings settings = Settings.resolve(
                null,
                Map.of("KAFKA_SASL_MECHANISM", "SCRAM-SHA-512", "CLUSTERNEWS_JAVA_OPTS", "-Xmx1g", "PATH", "/usr/bin"),
                Map.of());

        assertThat(settings.get("sasl.mechanism")).isEqualTo("SCRAM-SHA-512");
        assertThat(settings.asClientConfig()).doesNotContainKeys("java.opts", "path");
    }

    @Test
    void spellsEnvironmentVariablesAsKafkaPropertiesTheWayConfluentImagesDo() {
        assertThat(Settings.propertyName("KAFKA_BOOTSTRAP_SERVERS", "KAFKA_")).isEqualTo("bootstrap.servers");
        assertThat(Settings.propertyName("CLUSTERNEWS_SOME__UNDERSCORED", "CLUSTERNEWS_"))
                .isEqualTo("some_underscored");
        assertThat(Settings.propertyName("CLUSTERNEWS_A___B", "CLUSTERNEWS_")).isEqualTo("a-b");
    }

    @Test
    void clusternewsVariablesWinOverKafkaVariablesAndKafkasLauncherVariablesAreIgnored() {
        Settings settings = Settings.resolve(
                null,
                Map.of(
                        "KAFKA_STATE_DIR",
                        "/from/kafka",
                        "CLUSTERNEWS_STATE_DIR",
                        "/from/clusternews",
                        "KAFKA_HEAP_OPTS",
                        "-Xmx1g",
                        "KAFKA_HOME",
                        "/opt/kafka"),
                Map.of());

        assertThat(settings.get("state.dir")).isEqualTo("/from/clusternews");
        assertThat(settings.asClientConfig()).doesNotContainKeys("heap.opts", "home");
    }

    @Test
    void secretsNeverAppearWhenTheSettingsArePrinted() {
        Settings settings = Settings.resolve(
                null,
                Map.of(
                        "KAFKA_SASL_JAAS_CONFIG",
                        "org.apache.kafka.common.security.scram.ScramLoginModule required username=\"a\" password=\"s3cret\";",
                        "CLUSTERNEWS_BASIC_AUTH_USER_INFO",
                        "user:pa55"),
                Map.of());

        assertThat(settings.toString())
                .doesNotContain("s3cret")
                .doesNotContain("pa55")
                .contains("[hidden]");
    }

    @Test
    void aMissingConfigFileIsNamed() {
        Path missing = temp.resolve("nope.properties");

        assertThatThrownBy(() -> Settings.resolve(missing, Map.of(), Map.of()))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining(missing.toString());
    }
}
