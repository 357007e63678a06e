package eu.clusternews.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** An app JVM that starts the registry and then dies: the registry must not stay behind. */
class RegistryNeverOutlivesTheAppTest {

    @TempDir
    Path dataDir;

    private Process app;
    private long registryPid = -1;

    @AfterEach
    void stopWhatIsLeft() {
        if (app != null) {
            app.destroyForcibly();
        }
        ProcessHandle.of(registryPid).ifPresent(ProcessHandle::destroyForcibly);
    }

    @Test
    void whenTheAppIsTerminatedItsShutdownHookStopsTheRegistryAndFreesThePort() throws Exception {
        int port = LoopbackPorts.pickFree();
        registryPid = startApp(port);

        app.destroy(); // SIGTERM: the JVM runs its shutdown hooks

        await().atMost(Duration.ofSeconds(30)).until(() -> !isAlive(registryPid));
        assertThat(LoopbackPorts.awaitFree(port, Duration.ofSeconds(10)))
                .as("port %s free", port)
                .isTrue();
    }

    @Test
    void whenTheAppIsKilledTheNextStartOnTheSameDataDirectoryStopsTheLeftoverRegistry() throws Exception {
        int port = LoopbackPorts.pickFree();
        registryPid = startApp(port);

        app.destroyForcibly(); // SIGKILL: no shutdown hook runs, the registry is orphaned
        app.waitFor();
        assertThat(isAlive(registryPid))
                .as("the orphaned registry %s", registryPid)
                .isTrue();

        assertThat(ApicurioRegistryProcess.stopLeftoverFromEarlierRun(dataDir)).isTrue();

        assertThat(isAlive(registryPid)).isFalse();
        assertThat(LoopbackPorts.awaitFree(port, Duration.ofSeconds(10)))
                .as("port %s free", port)
                .isTrue();
    }

    /** Starts {@link RegistryOwnerMain} in its own JVM and returns the registry's pid once it is ready. */
    private long startApp(int port) throws IOException {
        Path appLog = dataDir.resolve("app.log");
        app = new ProcessBuilder(
                        ChildProcesses.javaExecutable(),
                        "-Xmx64m",
                        "-cp",
                        System.getProperty("java.class.path"),
                        RegistryOwnerMain.class.getName(),
                        dataDir.toString(),
                        Integer.toString(port))
                .redirectErrorStream(true)
                .redirectOutput(appLog.toFile())
                .start();
        Optional<String> pidLine = await().atMost(Duration.ofSeconds(120))
                .pollInterval(Duration.ofMillis(200))
                .until(
                        () -> {
                            assertThat(app.isAlive())
                                    .as("the app is running; its output:%n%s", Files.readString(appLog))
                                    .isTrue();
                            return Files.readAllLines(appLog).stream()
                                    .filter(l -> l.startsWith(RegistryOwnerMain.PID_LINE_PREFIX))
                                    .findFirst();
                        },
                        Optional::isPresent);
        return Long.parseLong(pidLine.orElseThrow()
                .substring(RegistryOwnerMain.PID_LINE_PREFIX.length())
                .trim());
    }

    private static boolean isAlive(long pid) {
        Optional<ProcessHandle> handle = ProcessHandle.of(pid);
        return handle.map(ProcessHandle::isAlive).orElse(false);
    }
}
