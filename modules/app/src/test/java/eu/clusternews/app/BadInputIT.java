package eu.clusternews.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.stream.Stream;

import eu.clusternews.local.LoopbackPorts;
import eu.clusternews.local.testing.SharedLocalStack;
import eu.clusternews.testing.CommandRun;
import eu.clusternews.testing.Seeds;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Bad input gets one plain line a person can act on, and no stack trace unless asked for. */
class BadInputIT {

    @TempDir
    Path temp;

    @Test
    void aMalformedReferenceFileIsNamedWithWhatIsWrong() throws IOException {
        Path reference = temp.resolve("reference");
        Files.createDirectories(reference);
        try (Stream<Path> files = Files.list(Seeds.reference())) {
            for (Path file : files.toList()) {
                Files.copy(file, reference.resolve(file.getFileName()), StandardCopyOption.REPLACE_EXISTING);
            }
        }
        Files.writeString(reference.resolve("consortia.json"), "{\"consortia\": [ {\"id\": \"cons:x\", ");

        CommandRun run = setup(reference, SharedLocalStack.get().schemaRegistryUrl());

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err()).contains("consortia.json").doesNotContain("\tat ");
    }

    @Test
    void aTakenPortIsNamedWithTheFlagThatChangesIt() throws IOException {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            CommandRun run = CommandRun.of(
                    ClusterNews.commandLine(),
                    "local",
                    "--data-dir",
                    temp.toString(),
                    "--kafka-port",
                    String.valueOf(taken.getLocalPort()),
                    "--registry-port",
                    String.valueOf(LoopbackPorts.pickFree()));

            assertThat(run.exitCode()).isEqualTo(1);
            assertThat(run.err())
                    .contains(String.valueOf(taken.getLocalPort()))
                    .contains("--kafka-port")
                    .doesNotContain("\tat ");
        }
    }

    @Test
    void anUnreachableRegistryIsNamedWithItsUrl() {
        String nowhere = "http://127.0.0.1:" + LoopbackPorts.pickFree() + "/apis/ccompat/v7";

        CommandRun run = setup(Seeds.reference(), nowhere);

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err()).contains(nowhere).doesNotContain("\tat ");
    }

    /** {@code clusternews setup} of this reference data on the shared broker, with this schema registry. */
    private static CommandRun setup(Path reference, String schemaRegistryUrl) {
        return CommandRun.of(
                ClusterNews.commandLine(),
                "setup",
                "--reference",
                reference.toString(),
                "--bootstrap-servers",
                SharedLocalStack.get().bootstrapServers(),
                "--schema-registry-url",
                schemaRegistryUrl);
    }

    @Test
    void anUnknownFlagIsAUsageErrorThatSaysWhichFlag() {
        CommandRun run = CommandRun.of(ClusterNews.commandLine(), "up", "--kafka-prot", "9092");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("--kafka-prot");
    }
}
