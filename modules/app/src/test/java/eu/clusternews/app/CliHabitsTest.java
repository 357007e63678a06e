package eu.clusternews.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import eu.clusternews.testing.CommandRun;
import eu.clusternews.testing.Seeds;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Kafka users' habits on every command, without a cluster: usage errors, exit codes, versions, completion. */
class CliHabitsTest {

    /** Every subcommand a user can run (help is picocli's). */
    private static final List<String> COMMANDS = ClusterNews.commandLine().getSubcommands().keySet().stream()
            .filter(name -> !name.equals("help"))
            .toList();

    @TempDir
    Path temp;

    @Test
    void anUnreachableBrokerIsNamedWithItsAddressWithinTwentySecondsByDefault() {
        long started = System.nanoTime();

        CommandRun run =
                CommandRun.of(ClusterNews.commandLine(), "tail", "cluster-news", "--bootstrap-server", "127.0.0.1:1");

        Duration took = Duration.ofNanos(System.nanoTime() - started);
        assertThat(run.exitCode()).isEqualTo(ExitCodes.FAILED);
        assertThat(run.err()).contains("127.0.0.1:1").contains("--timeout").doesNotContain("\tat ");
        assertThat(took).isLessThan(Duration.ofSeconds(20));
    }

    @Test
    void theTimeoutFlagShortensTheWaitForAnUnreachableBroker() {
        long started = System.nanoTime();

        CommandRun run = CommandRun.of(ClusterNews.commandLine(), "setup", "-b", "127.0.0.1:1", "--timeout", "1500ms");

        assertThat(run.exitCode()).isEqualTo(ExitCodes.FAILED);
        assertThat(run.err()).contains("Kafka did not answer at 127.0.0.1:1 within 1500 ms");
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(8));
    }

    @Test
    void aUsageErrorIsOneLineNamingTheCommandAndPointingToItsHelp() {
        CommandRun run = CommandRun.of(ClusterNews.commandLine(), "tail");

        assertThat(run.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(run.err().strip().lines()).hasSize(1);
        assertThat(run.err())
                .startsWith("clusternews tail: ")
                .contains("TOPIC")
                .contains("try 'clusternews tail --help'");
        assertThat(run.out()).isEmpty();
    }

    @Test
    void aMistypedOptionIsOneLineWithTheLikelyMeaning() {
        CommandRun run = CommandRun.of(ClusterNews.commandLine(), "tail", "cluster-news", "--folow");

        assertThat(run.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(run.err().strip().lines()).hasSize(1);
        assertThat(run.err()).contains("--folow").contains("did you mean --follow");
    }

    @Test
    void aMalformedValueIsAUsageErrorOnEveryKindOfCommand() {
        assertThat(CommandRun.of(ClusterNews.commandLine(), "generate", "--count", "-1")
                        .exitCode())
                .isEqualTo(ExitCodes.USAGE);
        assertThat(CommandRun.of(ClusterNews.commandLine(), "tail", "cluster-news", "--timeout", "soon")
                        .err())
                .contains("'soon' is not a duration");
        assertThat(CommandRun.of(ClusterNews.commandLine(), "ingest", "-X", "linger.ms", "x.txt")
                        .exitCode())
                .isEqualTo(ExitCodes.USAGE);
        CommandRun offsetAlone = CommandRun.of(ClusterNews.commandLine(), "tail", "cluster-news", "--offset", "5");
        assertThat(offsetAlone.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(offsetAlone.err()).contains("--offset 5 needs --partition");
    }

    @ParameterizedTest
    @MethodSource("commands")
    void everyCommandDocumentsTheSameExitCodesInItsHelp(String command) {
        assertThat(outputOf(command, "--help"))
                .contains("Exit codes:")
                .containsPattern("0\\s+done")
                .containsPattern("1\\s+failed")
                .containsPattern("2\\s+usage error")
                .containsPattern("3\\s+done, with rejected input");
    }

    @ParameterizedTest
    @MethodSource("commands")
    void everyCommandAnswersVersionWithTheClusternewsAndKafkaVersions(String command) {
        assertThat(outputOf(command, "--version"))
                .startsWith("clusternews ")
                .contains("Kafka clients " + org.apache.kafka.common.utils.AppInfoParser.getVersion());
    }

    static List<String> commands() {
        return COMMANDS;
    }

    /** What {@code clusternews args...} prints on stdout, once it has exited 0. */
    private static String outputOf(String... args) {
        CommandRun run = CommandRun.of(ClusterNews.commandLine(), args);

        assertThat(run.exitCode()).as(String.join(" ", args) + ": " + run.err()).isZero();
        return run.out();
    }

    @Test
    void theCompletionCommandPrintsABashScriptCoveringCommandsAndKafkaFlags() {
        CommandRun run = CommandRun.of(ClusterNews.commandLine(), "completion");

        assertThat(run.exitCode()).isZero();
        assertThat(run.out())
                .contains("complete -F")
                .contains("_picocli_clusternews")
                .contains("tail")
                .contains("--bootstrap-server")
                .contains("--max-messages")
                .contains("--command-config");
    }

    @Test
    void withoutAClusterTheContainerImageSaysHowToNameOneInsteadOfStartingTheEmbeddedDefault() {
        String before = System.getProperty("clusternews.embedded");
        System.setProperty("clusternews.embedded", "false");
        try {
            for (String command : List.of("up", "pipeline", "local")) {
                CommandRun run = CommandRun.of(ClusterNews.commandLine(), command);

                assertThat(run.exitCode()).as(command).isEqualTo(ExitCodes.USAGE);
                assertThat(run.err())
                        .as(command)
                        .contains("no Kafka cluster given")
                        .contains("KAFKA_BOOTSTRAP_SERVERS")
                        .contains("CLUSTERNEWS_SCHEMA_REGISTRY_URL");
            }
        } finally {
            if (before == null) {
                System.clearProperty("clusternews.embedded");
            } else {
                System.setProperty("clusternews.embedded", before);
            }
        }
    }

    @Test
    void extractExitsThreeWhenItRejectedADocumentButDidTheRest() throws Exception {
        Path empty = Files.writeString(temp.resolve("empty.txt"), "");

        CommandRun run = CommandRun.of(
                ClusterNews.commandLine(),
                "extract",
                "--reference",
                Seeds.reference().toString(),
                Seeds.news()
                        .resolve("2017-05-17_de_balticnet-plasmatec_cluster-excellence-training.txt")
                        .toString(),
                empty.toString());

        assertThat(run.exitCode()).as(run.err()).isEqualTo(ExitCodes.REJECTED_INPUT);
        assertThat(run.err()).contains("rejected").contains("empty.txt");
        assertThat(run.out()).contains("BalticNet-PlasmaTec");
    }
}
