package eu.clusternews.app.commands;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import eu.clusternews.app.config.Settings;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** The spellings of Kafka's tools and kcat for where the cluster is and how to reach it. */
class ConnectionOptionsTest {

    @TempDir
    Path temp;

    private static ConnectionOptions parse(String... args) {
        TailCommand tail = new TailCommand();
        new CommandLine(tail).setCaseInsensitiveEnumValuesAllowed(true).parseArgs(args);
        return tail.connection;
    }

    @Test
    void kafkasToolsSpellingKcatsAndOursAllNameTheBrokers() {
        assertThat(parse("t", "--bootstrap-server", "k1:9092").resolve().bootstrapServers())
                .isEqualTo("k1:9092");
        assertThat(parse("t", "-b", "k2:9092").resolve().bootstrapServers()).isEqualTo("k2:9092");
        assertThat(parse("t", "--bootstrap-servers", "k3:9092").resolve().bootstrapServers())
                .isEqualTo("k3:9092");
    }

    @Test
    void commandConfigReadsAKafkaToolsClientPropertiesFile() throws Exception {
        Path file = Files.writeString(
                temp.resolve("client.properties"),
                "bootstrap.servers=secure:9093\nsecurity.protocol=SASL_SSL\nsasl.mechanism=SCRAM-SHA-512\n");

        Settings settings = parse("t", "--command-config", file.toString()).resolve();

        assertThat(settings.bootstrapServers()).isEqualTo("secure:9093");
        assertThat(settings.get("security.protocol")).isEqualTo("SASL_SSL");
        assertThat(settings.endpointsExplicit()).isTrue();
    }

    @Test
    void dashXIsRepeatableAndAppliedLastOverTheFileAndTheFlags() throws Exception {
        Path file = Files.writeString(temp.resolve("client.properties"), "linger.ms=5\nbootstrap.servers=file:9092\n");

        Settings settings = parse(
                        "t",
                        "--command-config",
                        file.toString(),
                        "-b",
                        "flag:9092",
                        "-X",
                        "linger.ms=50",
                        "-Xbootstrap.servers=x:9092",
                        "-X",
                        "compression.type=zstd")
                .resolve();

        assertThat(settings.get("linger.ms")).isEqualTo("50");
        assertThat(settings.get("compression.type")).isEqualTo("zstd");
        assertThat(settings.bootstrapServers()).isEqualTo("x:9092");
    }

    @Test
    void timeoutsAreWrittenAsPeopleAndKafkasToolsWriteThem() {
        assertThat(Durations.parse("10s")).isEqualTo(Duration.ofSeconds(10));
        assertThat(Durations.parse("500ms")).isEqualTo(Duration.ofMillis(500));
        assertThat(Durations.parse("2m")).isEqualTo(Duration.ofMinutes(2));
        assertThat(Durations.parse("PT30S")).isEqualTo(Duration.ofSeconds(30));
        assertThat(Durations.parse("pt1h")).isEqualTo(Duration.ofHours(1));
        assertThat(Durations.parse("5000")).isEqualTo(Duration.ofSeconds(5));
    }

    @Test
    void theTimeoutIsTenSecondsUnlessGiven() {
        TailCommand tail = new TailCommand();
        new CommandLine(tail).setCaseInsensitiveEnumValuesAllowed(true).parseArgs("t");
        assertThat(tail.timeout.connect()).isEqualTo(Duration.ofSeconds(10));
        assertThat(tail.timeout.given()).isNull();

        new CommandLine(tail = new TailCommand())
                .setCaseInsensitiveEnumValuesAllowed(true)
                .parseArgs("t", "--timeout", "3s");
        assertThat(tail.timeout.connect()).isEqualTo(Duration.ofSeconds(3));
    }

    @Test
    void everyCommandThatTalksToKafkaTakesDashXAndTheTimeout() {
        for (String name : java.util.List.of("up", "setup", "ingest", "pipeline", "tail", "replay", "reprocess")) {
            CommandLine command = eu.clusternews.app.ClusterNews.commandLine()
                    .getSubcommands()
                    .get(name);
            assertThat(command.getCommandSpec().findOption("-X")).as(name).isNotNull();
            assertThat(command.getCommandSpec().findOption("--bootstrap-server"))
                    .as(name)
                    .isNotNull();
            assertThat(command.getCommandSpec().findOption("--command-config"))
                    .as(name)
                    .isNotNull();
            assertThat(command.getCommandSpec().findOption("--timeout"))
                    .as(name)
                    .isNotNull();
        }
    }
}
