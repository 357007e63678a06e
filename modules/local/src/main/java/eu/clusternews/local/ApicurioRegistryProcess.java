package eu.clusternews.local;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.io.UncheckedIOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Apicurio Registry {@value RegistryDistribution#VERSION} running as a child process on 127.0.0.1, its
 * schemas in an H2 file database under {@code <dataDir>/registry} (so they survive a restart) and its output
 * in {@code <dataDir>/registry/registry.log}. It speaks the Confluent Schema Registry API at
 * {@link #confluentApiUrl()}.
 *
 * <p>The process never outlives this JVM: {@link #close()} stops it (forcibly after a grace period), a
 * shutdown hook does the same when the JVM exits without closing it, and when even that could not run
 * (SIGKILL) the next start on the same data directory stops the leftover ({@link #stopLeftoverFromEarlierRun}).
 */
public final class ApicurioRegistryProcess extends LocalService {

    private static final Logger log = LoggerFactory.getLogger(ApicurioRegistryProcess.class);
    private static final Duration STOP_GRACE = Duration.ofSeconds(10);
    private static final Duration PORT_RELEASE = Duration.ofSeconds(10);
    private static final int LOG_LINES_IN_ERRORS = 30;
    private static final String PID_FILE = "registry.pid";

    private final Process process;
    private final int port;
    private final Path registryDir;
    private final Path logFile;
    private final Thread shutdownHook;

    private ApicurioRegistryProcess(Process process, int port, Path registryDir, Path logFile) {
        this.process = process;
        this.port = port;
        this.registryDir = registryDir;
        this.logFile = logFile;
        this.shutdownHook = new Thread(this::stopProcess, "stop-apicurio-registry-" + process.pid());
        Runtime.getRuntime().addShutdownHook(shutdownHook);
        writePidFile(registryDir, process.pid());
    }

    /**
     * Stops a registry that an earlier run on the same data directory started and could not stop (its JVM was
     * killed with SIGKILL, so no shutdown hook ran). It is recognised by the pid file in
     * {@code <dataDir>/registry} (its pid and its starter's), by its command line running the Apicurio jar and by its
     * starter being gone; anything else, including a registry of another running app, is left alone.
     *
     * @return whether such a process was found and stopped
     */
    public static boolean stopLeftoverFromEarlierRun(Path dataDir) {
        Path pidFile = dataDir.resolve("registry").resolve(PID_FILE).toAbsolutePath();
        if (!Files.isRegularFile(pidFile)) {
            return false;
        }
        Optional<ProcessHandle> registry;
        long starter;
        try {
            String[] pids = Files.readString(pidFile).trim().split("\\s+");
            starter = Long.parseLong(pids[1]);
            registry = ProcessHandle.of(Long.parseLong(pids[0]))
                    .filter(ProcessHandle::isAlive)
                    .filter(p -> p.info()
                            .commandLine()
                            .map(c -> c.contains(RegistryDistribution.RUNNER_JAR))
                            .orElse(false));
        } catch (IOException | RuntimeException unreadable) {
            registry = Optional.empty();
            starter = -1;
        }
        if (registry.isPresent()
                && isAlive(starter)
                && registry.get().parent().map(ProcessHandle::pid).orElse(-1L) == starter) {
            // its starter still runs and is still its parent: it belongs to a live app, leave it and its pid file
            return false;
        }
        registry.ifPresent(leftover -> {
            log.warn(
                    "Stopping Apicurio Registry process {} left over from an earlier run on {}",
                    leftover.pid(),
                    dataDir);
            ChildProcesses.stop(leftover, STOP_GRACE);
        });
        deletePidFile(pidFile.getParent());
        return registry.isPresent();
    }

    /** Starts configuring a registry whose data lives under {@code <dataDir>/registry}. */
    public static Builder builder(Path dataDir) {
        return new Builder(dataDir);
    }

    /** {@code http://127.0.0.1:<port>}: the registry's root (its UI, {@code /apis/registry/v2}, ...). */
    public String baseUrl() {
        return "http://127.0.0.1:" + port;
    }

    /** {@code http://127.0.0.1:<port>/apis/ccompat/v7}: the Confluent Schema Registry API, for {@code schema.registry.url}. */
    public String confluentApiUrl() {
        return baseUrl() + "/apis/ccompat/v7";
    }

    /** The HTTP port. */
    public int port() {
        return port;
    }

    /** The child process's id. */
    public long pid() {
        return process.pid();
    }

    /** Whether the child process is still running. */
    public boolean isAlive() {
        return process.isAlive();
    }

    /** {@code <dataDir>/registry}: the H2 database and the log. */
    public Path registryDir() {
        return registryDir;
    }

    /** The registry's combined stdout and stderr. */
    public Path logFile() {
        return logFile;
    }

    /**
     * Stops the process (SIGTERM, then a forced kill after a 10 s grace period) and checks that its port
     * is free again.
     *
     * @throws IllegalStateException when the port is still taken afterwards
     */
    @Override
    void stop() {
        try {
            Runtime.getRuntime().removeShutdownHook(shutdownHook);
        } catch (IllegalStateException jvmAlreadyShuttingDown) {
            // the hook runs (or ran) anyway
        }
        long started = System.nanoTime();
        stopProcess();
        deletePidFile(registryDir);
        if (!LoopbackPorts.awaitFree(port, PORT_RELEASE)) {
            throw new IllegalStateException("The Apicurio Registry process " + process.pid() + " has stopped but port "
                    + port + " on 127.0.0.1 is still taken " + PORT_RELEASE.toSeconds()
                    + " s later; something else listens on it");
        }
        log.info(
                "Apicurio Registry on port {} stopped in {} ms",
                port,
                TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started));
    }

    private void stopProcess() {
        if (!ChildProcesses.stop(process.toHandle(), STOP_GRACE)) {
            log.warn(
                    "Apicurio Registry (pid {}) did not stop within {} s of SIGTERM; killed it",
                    process.pid(),
                    STOP_GRACE.toSeconds());
        }
    }

    /** The settings of a registry process to start: port 8081 and 90 s to answer unless set otherwise. */
    public static final class Builder extends LocalServiceBuilder<Builder> {
        private Path home;
        private String maxHeap = "128m";

        private Builder(Path dataDir) {
            // it answers after 2-10 s on a small machine
            super(dataDir, 8081, Duration.ofSeconds(90));
        }

        /** The unpacked distribution to run (default: {@link RegistryDistribution#locate()}). */
        public Builder home(Path home) {
            this.home = home;
            return this;
        }

        /** The registry JVM's {@code -Xmx} (default 128m). */
        public Builder maxHeap(String maxHeap) {
            this.maxHeap = maxHeap;
            return this;
        }

        /**
         * Starts the process and waits until {@code GET /apis/ccompat/v7/subjects} answers 200.
         *
         * @throws PortInUseException when the port is taken
         * @throws IllegalStateException when the process exits or does not get ready in time; the message quotes
         *                               the end of its log
         */
        public ApicurioRegistryProcess start() {
            long started = System.nanoTime();
            stopLeftoverFromEarlierRun(dataDir);
            LoopbackPorts.requireFree(port, "the schema registry", "--registry-port");
            Path distribution = home != null ? home : RegistryDistribution.locate();
            Path registryDir = dataDir.resolve("registry").toAbsolutePath();
            Path logFile = registryDir.resolve("registry.log");
            long logOffset;
            try {
                Files.createDirectories(registryDir);
                logOffset = Files.exists(logFile) ? Files.size(logFile) : 0;
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot create the registry data directory " + registryDir, e);
            }

            ProcessBuilder builder = new ProcessBuilder(command(distribution))
                    .directory(registryDir.toFile())
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(logFile.toFile()));
            builder.environment().put("REGISTRY_DATASOURCE_URL", "jdbc:h2:file:" + registryDir.resolve("registry_db"));
            builder.environment().put("REGISTRY_DATASOURCE_USERNAME", "sa");
            builder.environment().put("REGISTRY_DATASOURCE_PASSWORD", "sa");
            Process process;
            try {
                process = builder.start();
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot start the Apicurio Registry with " + builder.command(), e);
            }
            ApicurioRegistryProcess registry = new ApicurioRegistryProcess(process, port, registryDir, logFile);
            try {
                awaitReady(registry, logOffset);
            } catch (RuntimeException e) {
                try {
                    registry.close();
                } catch (RuntimeException closeFailure) {
                    e.addSuppressed(closeFailure);
                }
                throw e;
            }
            log.info(
                    "Apicurio Registry ready at {} (pid {}, data in {}) in {} ms",
                    registry.confluentApiUrl(),
                    process.pid(),
                    registryDir,
                    registry.readySince(started).toMillis());
            return registry;
        }

        private List<String> command(Path distribution) {
            List<String> command = new ArrayList<>();
            command.add(ChildProcesses.javaExecutable());
            command.add("-Xmx" + maxHeap);
            // a lightly loaded service beside a Kafka broker on a small machine: one GC thread is enough, and
            // compiling with C1 only starts it noticeably faster (about 4 s instead of 5-9 s on 2 cores)
            command.add("-XX:+UseSerialGC");
            command.add("-XX:TieredStopAtLevel=1");
            command.addAll(Arrays.asList(
                    "-Dquarkus.http.host=127.0.0.1",
                    "-Dquarkus.http.port=" + port,
                    "-Dregistry.ccompat.use-canonical-hash=true",
                    "-Dquarkus.otel.sdk.disabled=true",
                    "-Dquarkus.management.enabled=false",
                    "-jar",
                    RegistryDistribution.runnerJar(distribution).toString()));
            return command;
        }

        private void awaitReady(ApicurioRegistryProcess registry, long logOffset) {
            HttpClient http = HttpClient.newBuilder()
                    .connectTimeout(Duration.ofSeconds(2))
                    .build();
            HttpRequest probe = HttpRequest.newBuilder(URI.create(registry.confluentApiUrl() + "/subjects"))
                    .timeout(Duration.ofSeconds(5))
                    .GET()
                    .build();
            ReadinessPoll.await(
                    "the Apicurio Registry",
                    readyTimeout,
                    () -> {
                        if (!registry.process.isAlive()) {
                            throw new IllegalStateException("The Apicurio Registry process exited with code "
                                    + registry.process.exitValue()
                                    + " before it was ready on port " + port + ". Last lines of " + registry.logFile
                                    + ":\n" + tail(registry.logFile, logOffset));
                        }
                        try {
                            int status = http.send(probe, HttpResponse.BodyHandlers.discarding())
                                    .statusCode();
                            return status == 200 ? null : "HTTP " + status;
                        } catch (ConnectException e) {
                            return "connection refused";
                        } catch (IOException e) {
                            return e.toString();
                        }
                    },
                    lastProblem -> "The Apicurio Registry did not answer GET " + probe.uri() + " with 200 within "
                            + readyTimeout.toSeconds() + " s (last: " + lastProblem + "). Last lines of "
                            + registry.logFile + ":\n" + tail(registry.logFile, logOffset));
        }
    }

    private static boolean isAlive(long pid) {
        return ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
    }

    private static void writePidFile(Path registryDir, long pid) {
        try {
            Files.writeString(
                    registryDir.resolve(PID_FILE),
                    pid + " " + ProcessHandle.current().pid());
        } catch (IOException e) {
            log.warn(
                    "Cannot write {}: a registry left running by a killed JVM will not be recognised",
                    registryDir.resolve(PID_FILE),
                    e);
        }
    }

    private static void deletePidFile(Path registryDir) {
        try {
            Files.deleteIfExists(registryDir.resolve(PID_FILE));
        } catch (IOException e) {
            log.debug("Cannot delete {}", registryDir.resolve(PID_FILE), e);
        }
    }

    /** The last lines this run wrote to the log (from {@code offset} on). */
    static String tail(Path logFile, long offset) {
        try (RandomAccessFile file = new RandomAccessFile(logFile.toFile(), "r")) {
            long length = file.length();
            long from = Math.max(offset, length - 16_384);
            file.seek(from);
            byte[] bytes = new byte[(int) (length - from)];
            file.readFully(bytes);
            List<String> lines =
                    new String(bytes, StandardCharsets.UTF_8).lines().toList();
            return String.join("\n", lines.subList(Math.max(0, lines.size() - LOG_LINES_IN_ERRORS), lines.size()));
        } catch (IOException e) {
            return "(cannot read " + logFile + ": " + e.getMessage() + ")";
        }
    }
}
