package eu.clusternews.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import eu.clusternews.app.config.Settings;
import eu.clusternews.app.setup.ClusterSetup;
import eu.clusternews.local.LocalStack;
import eu.clusternews.local.LoopbackPorts;
import eu.clusternews.testing.CommandRun;
import eu.clusternews.testing.Seeds;
import org.apache.kafka.clients.admin.Admin;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The embedded default as a new user meets it: up, stop, up again on the same data. */
class UpCommandIT {

    @TempDir
    Path dataDir;

    @Test
    void upStartsEverythingAndLeavesNoRegistryProcessBehind() {
        int kafkaPort = LoopbackPorts.pickFree();
        int registryPort = LoopbackPorts.pickFree();
        CommandRun run = CommandRun.of(
                ClusterNews.commandLine(),
                "up",
                "--data-dir",
                dataDir.toString(),
                "--kafka-port",
                String.valueOf(kafkaPort),
                "--registry-port",
                String.valueOf(registryPort),
                "--reference",
                Seeds.reference().toString(),
                "--exit-when-ready");

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out())
                .contains("127.0.0.1:" + kafkaPort, "http://127.0.0.1:" + registryPort + "/apis/ccompat/v7")
                .containsPattern("Reference data +\\d+ organisations, 8 consortia, \\d+ programmes")
                .contains("Up in");
        assertThat(LoopbackPorts.awaitFree(registryPort, Duration.ofSeconds(10)))
                .as("registry port free")
                .isTrue();
        assertThat(LoopbackPorts.awaitFree(kafkaPort, Duration.ofSeconds(10)))
                .as("broker port free")
                .isTrue();
    }

    @Test
    void aRestartOnTheSameDataKeepsTheTopicsAndTheSchemaIds() throws Exception {
        Set<String> topicsBefore;
        Map<String, Integer> idsBefore;
        try (LocalStack stack = LocalStack.builder()
                .dataDir(dataDir)
                .kafkaPort(LoopbackPorts.pickFree())
                .registryPort(LoopbackPorts.pickFree())
                .start()) {
            idsBefore = setUp(stack).schemaIds();
            topicsBefore = topics(stack);
        }
        try (LocalStack stack = LocalStack.builder()
                .dataDir(dataDir)
                .kafkaPort(LoopbackPorts.pickFree())
                .registryPort(LoopbackPorts.pickFree())
                .start()) {
            assertThat(topics(stack)).isEqualTo(topicsBefore);
            ClusterSetup.Summary again = setUp(stack);
            assertThat(again.topics().created()).isEmpty();
            assertThat(again.schemaIds()).isEqualTo(idsBefore);
        }
    }

    private static ClusterSetup.Summary setUp(LocalStack stack) {
        Settings settings = Settings.resolve(null, Map.of(), Map.of())
                .withEndpoints(stack.bootstrapServers(), stack.schemaRegistryUrl());
        return new ClusterSetup(settings).run(Seeds.reference(), null, (short) 1);
    }

    private static Set<String> topics(LocalStack stack) throws Exception {
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", stack.bootstrapServers()))) {
            return admin.listTopics().names().get(30, TimeUnit.SECONDS);
        }
    }
}
