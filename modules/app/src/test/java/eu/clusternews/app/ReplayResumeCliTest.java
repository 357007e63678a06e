package eu.clusternews.app;

import static org.assertj.core.api.Assertions.assertThat;

import eu.clusternews.testing.CommandRun;
import org.junit.jupiter.api.Test;

/** {@code replay --resume}: only where a run can be resumed, refused before any connection otherwise. */
class ReplayResumeCliTest {

    @Test
    void resumeWithoutToTopicIsAUsageError() {
        CommandRun run = CommandRun.of(ClusterNews.commandLine(), "replay", "--from", "P30D", "--resume", "nightly");

        assertThat(run.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(run.err()).contains("--resume needs --to-topic");
    }

    @Test
    void resumeWithOrderedIsAUsageErrorThatSaysWhy() {
        CommandRun run = CommandRun.of(
                ClusterNews.commandLine(),
                "replay",
                "--from",
                "P30D",
                "--to-topic",
                "copy",
                "--resume",
                "nightly",
                "--ordered");

        assertThat(run.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(run.err()).contains("--ordered").contains("per partition");
    }

    @Test
    void theHelpOfReplayExplainsResume() {
        assertThat(CommandRun.of(ClusterNews.commandLine(), "replay", "--help").out())
                .contains("--resume")
                .contains("clusternews-replay-NAME");
    }
}
