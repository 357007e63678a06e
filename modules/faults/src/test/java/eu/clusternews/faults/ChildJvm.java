package eu.clusternews.faults;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

import eu.clusternews.local.ChildProcesses;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A Java process started by this test JVM with its own classpath (the test classpath), its output appended to a log
 * file. It is only ever stopped through its own {@link Process} handle: {@link #kill()} is {@code kill -9}
 * ({@link Process#destroyForcibly()}), {@link #stop()} a SIGTERM with a grace period. Every child still alive when
 * the test JVM exits is killed by a shutdown hook, and {@link ParentWatchdog} halts a child whose test JVM was
 * killed outright.
 */
record ChildJvm(String name, Process process, Path logFile) implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(ChildJvm.class);
    private static final Set<ChildJvm> RUNNING = ConcurrentHashMap.newKeySet();

    static {
        Runtime.getRuntime()
                .addShutdownHook(new Thread(() -> RUNNING.forEach(ChildJvm::kill), "kill-fault-test-children"));
    }

    /**
     * Starts {@code mainClass} with {@code args} in a new JVM on this JVM's classpath.
     *
     * @param jvmOptions heap size and the like, before the main class
     * @param environment added to this JVM's environment
     */
    static ChildJvm start(
            String name,
            String mainClass,
            List<String> args,
            List<String> jvmOptions,
            Map<String, String> environment,
            Path logFile) {
        List<String> command = new ArrayList<>();
        command.add(ChildProcesses.javaExecutable());
        command.addAll(jvmOptions);
        command.add("-cp");
        command.add(ChildClasspath.get());
        command.add(ParentWatchdog.class.getName());
        command.add(Long.toString(ProcessHandle.current().pid()));
        command.add(mainClass);
        command.addAll(args);
        try {
            Files.createDirectories(logFile.getParent());
            Files.writeString(
                    logFile,
                    "==== " + name + ": " + String.join(" ", args) + System.lineSeparator(),
                    java.nio.file.StandardOpenOption.CREATE,
                    java.nio.file.StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write the log file " + logFile + " of " + name, e);
        }
        ProcessBuilder builder = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(logFile.toFile()));
        builder.environment().putAll(environment);
        Process process;
        try {
            process = builder.start();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot start " + name + " (" + mainClass + ")", e);
        }
        ChildJvm child = new ChildJvm(name, process, logFile);
        RUNNING.add(child);
        log.info("Started {} as pid {} (log {})", name, process.pid(), logFile);
        return child;
    }

    long pid() {
        return process.pid();
    }

    boolean isAlive() {
        return process.isAlive();
    }

    /** The exit status once the process has ended; null while it runs. */
    Integer exitCode() {
        return process.isAlive() ? null : process.exitValue();
    }

    /** Waits until the process has ended, however it ends. */
    void waitForExit() throws InterruptedException {
        process.waitFor();
    }

    /** {@code kill -9} of this process (and only this one), waiting until it is gone. */
    void kill() {
        if (process.isAlive()) {
            process.destroyForcibly();
        }
        awaitExit(Duration.ofSeconds(30));
        RUNNING.remove(this);
    }

    /** SIGTERM (the app's shutdown hooks run and close cleanly), then {@link #kill()} after {@code grace}. */
    void stop(Duration grace) {
        if (!ChildProcesses.stop(process.toHandle(), grace)) {
            log.warn(
                    "{} (pid {}) did not stop within {} s of SIGTERM; killed it",
                    name,
                    process.pid(),
                    grace.toSeconds());
        }
        kill();
    }

    @Override
    public void close() {
        kill();
    }

    private boolean awaitExit(Duration timeout) {
        try {
            return process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    @Override
    public String toString() {
        return name + " (pid " + process.pid() + ")";
    }
}
