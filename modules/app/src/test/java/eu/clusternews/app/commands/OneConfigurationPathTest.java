package eu.clusternews.app.commands;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import eu.clusternews.pipeline.PipelineConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code pipeline} and {@code reprocess} resolve the pipeline's settings the same way: file < environment < flags. */
class OneConfigurationPathTest {

    @TempDir
    Path temp;

    private static PipelineConfig pipeline(Map<String, String> environment, String... args) {
        PipelineCommand command = new PipelineCommand();
        new CommandLine(command).parseArgs(args);
        return command.settings(environment).pipelineConfig();
    }

    private static PipelineConfig reprocess(Map<String, String> environment, String... args) {
        ReprocessCommand command = new ReprocessCommand();
        new CommandLine(command).parseArgs(args);
        return command.settings(environment).pipelineConfig();
    }

    @Test
    void pipelineAndReprocessGivenTheSameFileActOnTheApplicationAndStateDirectoryTheFileNames() throws Exception {
        Path state = temp.resolve("file-state");
        Path file = Files.writeString(
                temp.resolve("pipeline.properties"), "application.id=from-file\nstate.dir=" + state + "\n");

        PipelineConfig pipeline = pipeline(Map.of(), "--config", file.toString());
        PipelineConfig reprocess = reprocess(Map.of(), "--config", file.toString(), "--dry-run");

        assertThat(pipeline.applicationId()).isEqualTo("from-file");
        assertThat(reprocess.applicationId()).isEqualTo("from-file");
        assertThat(pipeline.get("state.dir")).isEqualTo(state.toString());
        assertThat(reprocess.get("state.dir")).isEqualTo(state.toString());
    }

    @Test
    void pipelineAndReprocessGivenTheSameFileAndEnvironmentLetTheEnvironmentWinForBoth() throws Exception {
        Path file = Files.writeString(
                temp.resolve("pipeline.properties"), "application.id=from-file\nstate.dir=" + temp.resolve("f") + "\n");
        Map<String, String> environment = Map.of(
                "CLUSTERNEWS_APPLICATION_ID",
                "from-env",
                "KAFKA_STATE_DIR",
                temp.resolve("env-state").toString());

        PipelineConfig pipeline = pipeline(environment, "--config", file.toString());
        PipelineConfig reprocess = reprocess(environment, "--config", file.toString(), "--yes");

        assertThat(pipeline.applicationId()).isEqualTo("from-env").isEqualTo(reprocess.applicationId());
        assertThat(pipeline.get("state.dir"))
                .isEqualTo(temp.resolve("env-state").toString())
                .isEqualTo(reprocess.get("state.dir"));
    }

    @Test
    void theFlagsWinOverTheFileAndTheEnvironmentForBoth() throws Exception {
        Path file = Files.writeString(temp.resolve("pipeline.properties"), "application.id=from-file\n");
        Map<String, String> environment =
                Map.of("CLUSTERNEWS_STATE_DIR", temp.resolve("env").toString());
        String[] flags = {"--config", file.toString(), "--application-id", "from-flag", "--state-dir", "flag-state"};

        PipelineConfig pipeline = pipeline(environment, flags);
        PipelineConfig reprocess = reprocess(environment, flags);

        assertThat(pipeline.applicationId()).isEqualTo("from-flag").isEqualTo(reprocess.applicationId());
        assertThat(pipeline.get("state.dir"))
                .isEqualTo(Path.of("flag-state").toAbsolutePath().toString())
                .isEqualTo(reprocess.get("state.dir"));
    }

    @Test
    void withNothingGivenBothActOnTheDefaultApplicationWithItsStateInDataStreams() {
        PipelineConfig pipeline = pipeline(Map.of());
        PipelineConfig reprocess = reprocess(Map.of(), "--dry-run");

        assertThat(pipeline.applicationId())
                .isEqualTo(PipelineConfig.DEFAULT_APPLICATION_ID)
                .isEqualTo(reprocess.applicationId());
        assertThat(pipeline.get("state.dir"))
                .isEqualTo(Path.of("data", "streams").toAbsolutePath().toString())
                .isEqualTo(reprocess.get("state.dir"));
    }

    @Test
    void theOnlyDifferenceIsWhatPipelineAloneOffers() {
        assertThat(pipeline(Map.of(), "--at-least-once").get("processing.guarantee"))
                .isEqualTo("at_least_once");
        assertThat(reprocess(Map.of(), "--dry-run").get("processing.guarantee")).isEqualTo("exactly_once_v2");
    }
}
