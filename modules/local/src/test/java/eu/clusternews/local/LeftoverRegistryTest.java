package eu.clusternews.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A registry left running by a JVM that was killed (no shutdown hook ran) is stopped by the next start on the
 * same data directory; one that belongs to a running app is not. A {@code bash} whose command line names
 * the Apicurio jar stands in for the registry.
 */
class LeftoverRegistryTest {

    @TempDir
    Path dataDir;

    private Process standIn;

    @AfterEach
    void stopStandIn() {
        if (standIn != null) {
            standIn.destroyForcibly();
        }
    }

    @Test
    void aRegistryWhoseStarterIsGoneIsStopped() throws Exception {
        standIn = startStandIn();
        long goneStarter = Long.MAX_VALUE;
        writePidFile(standIn.pid() + " " + goneStarter);

        assertThat(ApicurioRegistryProcess.stopLeftoverFromEarlierRun(dataDir)).isTrue();

        assertThat(standIn.waitFor(10, TimeUnit.SECONDS)).isTrue();
        assertThat(dataDir.resolve("registry/registry.pid")).doesNotExist();
    }

    @Test
    void aRegistryOfARunningAppIsLeftAlone() throws Exception {
        standIn = startStandIn();
        writePidFile(standIn.pid() + " " + ProcessHandle.current().pid());

        assertThat(ApicurioRegistryProcess.stopLeftoverFromEarlierRun(dataDir)).isFalse();

        assertThat(standIn.isAlive()).isTrue();
        assertThat(dataDir.resolve("registry/registry.pid")).exists();
    }

    @Test
    void aRecycledPidOfAnUnrelatedProcessIsLeftAlone() throws Exception {
        standIn = new ProcessBuilder("sleep", "30").start();
        writePidFile(standIn.pid() + " " + Long.MAX_VALUE);

        assertThat(ApicurioRegistryProcess.stopLeftoverFromEarlierRun(dataDir)).isFalse();

        assertThat(standIn.isAlive()).isTrue();
    }

    private static Process startStandIn() throws IOException {
        // bash's builtin `read` waits on the open stdin pipe without starting a child process
        return new ProcessBuilder("bash", "-c", "read -r line", RegistryDistribution.RUNNER_JAR).start();
    }

    private void writePidFile(String content) throws IOException {
        Files.createDirectories(dataDir.resolve("registry"));
        Files.writeString(dataDir.resolve("registry/registry.pid"), content);
    }
}
