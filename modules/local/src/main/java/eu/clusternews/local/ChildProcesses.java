package eu.clusternews.local;

import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * What every child process this project starts needs (the schema registry here, a fault test's pipeline JVM): to run
 * on the same Java as its parent, and to be stopped gently, then surely.
 */
public final class ChildProcesses {

    private ChildProcesses() {}

    /** The java executable of this JVM, so a child runs on the same Java as its parent. */
    public static String javaExecutable() {
        return ProcessHandle.current()
                .info()
                .command()
                .orElseGet(() ->
                        Path.of(System.getProperty("java.home"), "bin", "java").toString());
    }

    /**
     * SIGTERM, and SIGKILL when the process has not exited {@code grace} later (or the wait is interrupted); after a
     * SIGKILL it waits up to another {@code grace} for the end.
     *
     * @return whether the process ended on SIGTERM alone (or had already ended), so callers can say it was killed
     */
    public static boolean stop(ProcessHandle process, Duration grace) {
        if (!process.isAlive()) {
            return true;
        }
        process.destroy();
        try {
            process.onExit().get(grace.toMillis(), TimeUnit.MILLISECONDS);
            return true;
        } catch (ExecutionException | TimeoutException e) {
            process.destroyForcibly();
            process.onExit()
                    .completeOnTimeout(process, grace.toMillis(), TimeUnit.MILLISECONDS)
                    .join();
            return false;
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
