package eu.clusternews.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PipelineConfigTest {

    @TempDir
    Path dir;

    @Test
    void defaultsToExactlyOnceAgainstTheLocalBrokerAndRegistry() {
        PipelineConfig config = PipelineConfig.of(Map.of());

        assertThat(config.applicationId()).isEqualTo("clusternews-pipeline");
        assertThat(config.bootstrapServers()).isEqualTo("127.0.0.1:9092");
        assertThat(config.schemaRegistryUrl()).isEqualTo("http://127.0.0.1:8081/apis/ccompat/v7");
        assertThat(config.get("processing.guarantee")).isEqualTo("exactly_once_v2");
        assertThat(config.get("ensure.explicit.internal.resource.naming")).isEqualTo("true");
        assertThat(config.get("errors.dead.letter.queue.topic.name")).isEqualTo("cluster-news-dlq");
        assertThat(config.get("processing.exception.handler")).isEqualTo(DeadLetterHandler.class.getName());
    }

    @Test
    void letsTheFileThenKafkaVariablesThenClusternewsVariablesThenOverridesWin() throws IOException {
        Path file = Files.writeString(dir.resolve("pipeline.properties"), """
                bootstrap.servers=file:9092
                application.id=from-file
                state.dir=/from/file
                num.stream.threads=2
                """);
        Map<String, String> env = Map.of(
                "KAFKA_BOOTSTRAP_SERVERS", "env:9092",
                "KAFKA_STATE_DIR", "/from/kafka/env",
                "CLUSTERNEWS_STATE_DIR", "/from/clusternews/env",
                "CLUSTERNEWS_SCHEMA_REGISTRY_URL", "http://registry:8081");

        PipelineConfig config = PipelineConfig.load(file, env, Map.of("application.id", "from-flag"));

        assertThat(config.applicationId()).isEqualTo("from-flag");
        assertThat(config.bootstrapServers()).isEqualTo("env:9092");
        assertThat(config.get("state.dir")).isEqualTo("/from/clusternews/env");
        assertThat(config.schemaRegistryUrl()).isEqualTo("http://registry:8081");
        assertThat(config.get("num.stream.threads")).isEqualTo("2");
    }

    @Test
    void spellsEnvironmentVariablesAsKafkaPropertiesTheWayConfluentImagesDo() {
        assertThat(PipelineConfig.propertyName("KAFKA_BOOTSTRAP_SERVERS", "KAFKA_")).isEqualTo("bootstrap.servers");
        assertThat(PipelineConfig.propertyName("KAFKA_PROCESSING_GUARANTEE", "KAFKA_")).isEqualTo("processing.guarantee");
        assertThat(PipelineConfig.propertyName("CLUSTERNEWS_SOME__UNDERSCORED", "CLUSTERNEWS_")).isEqualTo("some_underscored");
        assertThat(PipelineConfig.propertyName("CLUSTERNEWS_A___B", "CLUSTERNEWS_")).isEqualTo("a-b");
    }

    @Test
    void ignoresTheLauncherVariablesOfKafkasScripts() {
        PipelineConfig config = PipelineConfig.load(null, Map.of("KAFKA_HEAP_OPTS", "-Xmx1g", "KAFKA_HOME", "/opt/kafka"), Map.of());

        assertThat(config.asMap()).doesNotContainKeys("heap.opts", "home");
    }

    @Test
    void namesTheMissingFileInItsError() {
        Path missing = dir.resolve("nope.properties");

        assertThatThrownBy(() -> PipelineConfig.load(missing, Map.of(), Map.of()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(missing.toAbsolutePath().toString());
    }

    @Test
    void hidesSecretsWhenPrinted() {
        PipelineConfig config = PipelineConfig.of(Map.of("basic.auth.user.info", "user:pw",
                "sasl.jaas.config", "secret stuff"));

        assertThat(config.toString()).doesNotContain("user:pw", "secret stuff").contains("basic.auth.user.info=[hidden]");
    }
}
