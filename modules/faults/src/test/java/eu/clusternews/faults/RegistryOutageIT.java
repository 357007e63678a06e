package eu.clusternews.faults;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;

import eu.clusternews.ingest.reference.ReferenceData;
import eu.clusternews.local.ApicurioRegistryProcess;
import eu.clusternews.local.EmbeddedKafkaBroker;
import eu.clusternews.local.LoopbackPorts;
import eu.clusternews.registry.SchemaRegistryClients;
import eu.clusternews.testing.Seeds;
import eu.clusternews.topics.TopicSpec;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.awaitility.Awaitility;
import org.awaitility.core.ConditionTimeoutException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * RELIABILITY: a schema registry outage is an outage, never bad input. A broker of its own (so that no other test's
 * records or schema ids are in the topics) and an Apicurio registry started by this test as its own process, its
 * schemas in an H2 file database, on a fixed port. The pipeline runs as its own process ({@code clusternews
 * pipeline}) under a supervisor loop written here: a thread that starts it again whenever it exits, as systemd's
 * {@code Restart=on-failure} would (after 1 s, like {@code RestartSec=1}).
 *
 * <ol>
 *   <li>The input is published; the pipeline works through part of it.</li>
 *   <li>The pipeline is killed with {@code kill -9} (the registry still up): the next process starts with empty
 *       schema caches, so it needs the registry for every record it decodes or writes.</li>
 *   <li>As soon as that process has passed its start-up check, the registry is killed with {@code kill -9}: its
 *       stream threads meet the outage. Each fails its task after {@code max.retries} (lowered to 2, about 3 s,
 *       instead of the default 8, about 90 s, to keep the test short), is replaced three times, then the process
 *       exits with status 1 and the supervisor starts it again; the new process waits at its start-up check.</li>
 *   <li>Still during the outage, that waiting pipeline is killed with {@code kill -9}; the supervisor starts another,
 *       which meets the outage too.</li>
 *   <li>After at least {@code faults.outage.seconds} (default 30) the registry is started again on the same storage
 *       and port, and the pipeline (restarted as often as needed) finishes.</li>
 * </ol>
 *
 * Then nothing may be in cluster-news-dlq (not even in an aborted transaction), the aggregates read as users read
 * them (read_committed, the latest per key) must equal an in-memory recount of the input, and every news must be in
 * cluster-news-enriched exactly once. Had an outage been taken for bad input, records would be dead-lettered and
 * skipped, and counts would be missing.
 *
 * <p>Sizes: {@code -Dfaults.outage.records} (default 20000), {@code -Dfaults.outage.seconds} (default 30),
 * {@code -Dfaults.seed}. Logs in {@code target/faults/outage/} ({@code pipeline/pipeline.log},
 * {@code stack/registry/registry.log}).
 */
class RegistryOutageIT {

    private static final Logger log = LoggerFactory.getLogger(RegistryOutageIT.class);
    private static final int RECORDS = Integer.getInteger("faults.outage.records", 20_000);
    private static final Duration MIN_OUTAGE = Duration.ofSeconds(Long.getLong("faults.outage.seconds", 30));
    private static final long SEED = Long.getLong("faults.seed", 20261128L);
    private static final int TEMPLATES = 600;
    private static final String APPLICATION_ID = "faults-outage";
    /** The pipeline's registry client gives up after 1 + 2 s of retries rather than about 90 s (the default, 8). */
    private static final String MAX_RETRIES = "2";
    /** Printed once Kafka Streams has been started, i.e. after the start-up check found the registry. */
    private static final String STARTED = "Pipeline " + APPLICATION_ID + " on ";
    /** What the pipeline logs when it meets the outage: at its start-up check, and in a stream thread. */
    private static final List<String> OUTAGE_MET = List.of("Still trying", "The schema registry gave no usable answer");

    private static final Duration MAX_RUN = Duration.ofMinutes(10);

    @Test
    @Timeout(value = 25, unit = TimeUnit.MINUTES)
    void aPipelineKilledAndRestartedWhileTheRegistryIsDownDeadLettersNothingAndEndsWithTheRecountedAggregates()
            throws Exception {
        Path work = FaultTestSupport.workDir("outage");
        Path stackDir = work.resolve("stack");
        // fixed for the whole test: the registry comes back at the URL the pipeline was given
        int registryPort = LoopbackPorts.pickFree();
        long testStarted = System.nanoTime();
        try (EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.builder(stackDir)
                .port(LoopbackPorts.pickFree())
                .start()) {
            ApicurioRegistryProcess registry =
                    ApicurioRegistryProcess.builder(stackDir).port(registryPort).start();
            try {
                String registryUrl = registry.confluentApiUrl();
                Map<String, Object> client = FaultTestSupport.clientConfig(broker.bootstrapServers(), registryUrl);
                FaultTestSupport.setUp(broker.bootstrapServers(), registryUrl, (short) 1);
                ReferenceData reference = ReferenceData.load(Seeds.reference());
                NewsInput input = NewsInput.generate(reference, TEMPLATES, RECORDS, SEED);
                Aggregates recount = Recount.of(input.records(), Recount.lookup(reference));
                input.publish(client, 0, input.size(), 0);
                TreeSet<String> subjectsBefore =
                        new TreeSet<>(SchemaRegistryClients.fromConfig(client).subjects());

                Map<String, String> streams = new HashMap<>(PipelineProcess.staticMember(APPLICATION_ID));
                streams.put("max.retries", MAX_RETRIES);
                // a replaced stream thread is a new static member: its tasks move to it once the dead thread's
                // session times out, 6 s here rather than the default 45 s (which would make each of the four
                // thread deaths of the outage cost most of a minute)
                streams.put("session.timeout.ms", "6000");
                streams.put("heartbeat.interval.ms", "1500");
                PipelineProcess pipeline = new PipelineProcess(
                        broker.bootstrapServers(), registryUrl, APPLICATION_ID, work.resolve("pipeline"), streams, 0);

                Supervisor.Incarnation coldStart;
                Supervisor.Incarnation killedDuringOutage;
                long outageStarted;
                long outageMillis;
                long committedAtOutage;
                long committedAtRecovery;
                long doneAfterRecovery;
                boolean exitedOnItsOwn;
                Supervisor supervisor = new Supervisor(pipeline, testStarted);
                try (GroupProgress progress = new GroupProgress(client, APPLICATION_ID);
                        supervisor) {
                    supervisor.start();

                    // 1. part of the input processed, the registry up
                    Supervisor.Incarnation first = supervisor.awaitIncarnation(1);
                    long target = input.size() * 3L / 10;
                    Awaitility.await("the pipeline commits " + target + " input records")
                            .atMost(MAX_RUN)
                            .pollInterval(Duration.ofMillis(200))
                            .until(() -> first.ended() || progress.committedInput() >= target);
                    assertThat(first.ended())
                            .as("%s ended by itself; see %s", first, pipeline.logFile())
                            .isFalse();

                    // 2. kill -9 with the registry up: the next process has no schema in its caches
                    supervisor.kill(first);
                    coldStart = supervisor.awaitIncarnation(2);
                    Awaitility.await(coldStart + " starts Kafka Streams")
                            .atMost(Duration.ofMinutes(2))
                            .pollInterval(Duration.ofMillis(20))
                            .until(() -> coldStart.ended() || coldStart.log().contains(STARTED));
                    assertThat(coldStart.ended())
                            .as("%s ended before it started; see %s", coldStart, pipeline.logFile())
                            .isFalse();

                    // 3. kill -9 of the registry, while that process's threads are still joining and restoring
                    committedAtOutage = progress.committedInput();
                    outageStarted = System.nanoTime();
                    killForcibly(registry);
                    log.info(
                            "kill -9 of the registry at {} ms, right after {} started Kafka Streams; input committed {} of {}",
                            supervisor.millis(),
                            coldStart,
                            committedAtOutage,
                            input.size());
                    // its stream threads fail on the outage, are replaced three times, then the process exits (status
                    // 1)
                    exitedOnItsOwn =
                            awaitQuietly(coldStart + " exits by itself", Duration.ofMinutes(3), coldStart::ended);

                    // 4. kill -9 of the pipeline during the outage, once it has met the outage: the process the
                    // supervisor started after that exit (or, had it not exited, that one)
                    killedDuringOutage =
                            exitedOnItsOwn ? supervisor.awaitIncarnation(coldStart.number() + 1) : coldStart;
                    awaitQuietly(
                            killedDuringOutage + " meets the outage",
                            Duration.ofMinutes(1),
                            () -> killedDuringOutage.ended() || killedDuringOutage.metTheOutage());
                    supervisor.kill(killedDuringOutage);
                    Supervisor.Incarnation afterKill = supervisor.awaitIncarnation(killedDuringOutage.number() + 1);
                    awaitQuietly(
                            afterKill + " meets the outage",
                            Duration.ofMinutes(1),
                            () -> afterKill.ended() || afterKill.metTheOutage());
                    Awaitility.await("the outage lasts " + MIN_OUTAGE.toSeconds() + " s")
                            .atMost(MIN_OUTAGE.plusMinutes(1))
                            .pollInterval(Duration.ofMillis(200))
                            .until(() -> FaultTestSupport.millisSince(outageStarted) >= MIN_OUTAGE.toMillis());
                    long committedDuringOutage = progress.committedInput();

                    // 5. the registry back on the same storage and port
                    registry = ApicurioRegistryProcess.builder(stackDir)
                            .port(registryPort)
                            .start();
                    outageMillis = FaultTestSupport.millisSince(outageStarted);
                    committedAtRecovery = committedDuringOutage;
                    log.info(
                            "Registry back after an outage of {} ms; input committed {} of {}",
                            outageMillis,
                            committedAtRecovery,
                            input.size());
                    long recovered = System.nanoTime();
                    Awaitility.await("the pipeline processes all input")
                            .atMost(MAX_RUN)
                            .pollInterval(Duration.ofMillis(500))
                            .until(() -> {
                                supervisor.throwIfGaveUp();
                                return progress.done();
                            });
                    doneAfterRecovery = FaultTestSupport.millisSince(recovered);
                }
                long totalMillis = FaultTestSupport.millisSince(testStarted);
                TreeSet<String> subjectsAfter =
                        new TreeSet<>(SchemaRegistryClients.fromConfig(client).subjects());

                CommittedOutput output = new CommittedOutput(client);
                String deadLetters = TopicSpec.DEAD_LETTERS.topicName();
                AtomicLong committedDeadLetters = new AtomicLong();
                output.scan(
                        deadLetters,
                        Map.of(),
                        new ByteArrayDeserializer(),
                        new ByteArrayDeserializer(),
                        (k, v) -> committedDeadLetters.incrementAndGet());
                long deadLettersEverWritten = recordsEverWritten(client, deadLetters);
                Aggregates result = output.aggregates(Map.of());
                Map<String, Integer> enriched = output.enrichedIdCounts(Map.of());
                List<Supervisor.Incarnation> incarnations = supervisor.incarnations();
                long killsOfThePipeline = incarnations.stream()
                        .filter(Supervisor.Incarnation::killedByTest)
                        .count();
                List<Supervisor.Incarnation> ownExits = incarnations.stream()
                        .filter(i -> !i.killedByTest() && i.exitStatus() != null && i.stoppedAt() < 0)
                        .toList();
                long metTheOutage = incarnations.stream()
                        .filter(Supervisor.Incarnation::metTheOutage)
                        .count();

                StringBuilder runs = new StringBuilder();
                incarnations.forEach(i -> runs.append("  ").append(i.describe()).append(System.lineSeparator()));
                System.out.println("""

                        ==== RELIABILITY scenario: the schema registry killed with kill -9 (and the pipeline twice), restarted on the same storage
                        input: %d records, %d distinct news, seed %d; pipeline max.retries=%s (default 8)
                        registry: 1 kill -9 after %s passed its start-up check, input committed %d of %d; down %d ms; \
                        %d subjects before, the same %s after the restart
                        pipeline: %d kill -9 (1 before, 1 during the outage), %d exits on its own, %d supervisor restarts, \
                        %d processes met the outage
                        %sinput committed when the registry came back: %d; all input done %d ms after it came back; %d ms in all
                        cluster-news-dlq: %d records read_committed, %d ever written (aborted included)
                        cluster-news-enriched (read_committed): %d records, %d distinct ids
                        aggregates: %s
                        recount:    %s
                        """.formatted(
                        input.size(),
                        input.distinctIds().size(),
                        SEED,
                        MAX_RETRIES,
                        coldStart.name(),
                        committedAtOutage,
                        input.size(),
                        outageMillis,
                        subjectsBefore.size(),
                        subjectsAfter.equals(subjectsBefore) ? "(equal)" : "(DIFFERENT: " + subjectsAfter + ")",
                        killsOfThePipeline,
                        ownExits.size(),
                        incarnations.size() - 1,
                        metTheOutage,
                        runs,
                        committedAtRecovery,
                        doneAfterRecovery,
                        totalMillis,
                        committedDeadLetters.get(),
                        deadLettersEverWritten,
                        enriched.values().stream().mapToInt(Integer::intValue).sum(),
                        enriched.size(),
                        result.summary(),
                        recount.summary()));

                assertThat(committedDeadLetters.get())
                        .as("records in %s (read_committed)", deadLetters)
                        .isZero();
                assertThat(deadLettersEverWritten)
                        .as("records ever written to %s, aborted ones included", deadLetters)
                        .isZero();
                FaultTestSupport.assertEachNewsOnce(enriched, input.distinctIds());
                result.assertSameAs(recount, "after the registry outage vs the recount");
                assertThat(subjectsAfter)
                        .as("subjects after the registry's restart")
                        .isEqualTo(subjectsBefore);
                // the scenario happened as described: the outage met in a stream thread ended a process (status 1),
                // and the processes started during the outage met it too
                assertThat(exitedOnItsOwn)
                        .as("%s exited by itself during the outage; see %s", coldStart, pipeline.logFile())
                        .isTrue();
                assertThat(coldStart.exitStatus())
                        .as("exit status of %s", coldStart)
                        .isEqualTo(1);
                assertThat(coldStart.log())
                        .as("log of %s", coldStart)
                        .contains("The schema registry gave no usable answer")
                        .contains("clusternews: The pipeline " + APPLICATION_ID
                                + " stopped: a stream thread died 4 times");
                assertThat(killedDuringOutage.metTheOutage())
                        .as("%s met the outage before its kill -9", killedDuringOutage)
                        .isTrue();
                assertThat(killsOfThePipeline)
                        .as("pipeline processes killed with kill -9")
                        .isEqualTo(2);
            } finally {
                registry.close();
            }
        }
    }

    /** {@code kill -9} of the registry process this test started (and of nothing else), waiting until it is gone. */
    private static void killForcibly(ApicurioRegistryProcess registry) {
        ProcessHandle process = ProcessHandle.of(registry.pid())
                .filter(p -> p.parent().map(ProcessHandle::pid).orElse(-1L)
                        == ProcessHandle.current().pid())
                .orElseThrow(() -> new IllegalStateException("The registry process " + registry.pid()
                        + " is not a child of this JVM (or is gone already): not killing it"));
        process.destroyForcibly();
        process.onExit().orTimeout(30, TimeUnit.SECONDS).join();
        // no SIGTERM reaches it any more; this frees the port and forgets the pid file, so it can start again
        registry.close();
    }

    /** Like an Awaitility wait, but a timeout is an answer (false), not a failure: the assertions at the end judge. */
    private static boolean awaitQuietly(String what, Duration atMost, BooleanSupplier condition) {
        try {
            Awaitility.await(what)
                    .atMost(atMost)
                    .pollInterval(Duration.ofMillis(100))
                    .until(condition::getAsBoolean);
            return true;
        } catch (ConditionTimeoutException e) {
            log.warn("Not within {} s: {}", atMost.toSeconds(), what);
            return false;
        }
    }

    /** Records ever written to the topic: its log end offsets, aborted transactions included. */
    private static long recordsEverWritten(Map<String, Object> clientConfig, String topic) {
        Map<String, Object> config = new HashMap<>(clientConfig);
        config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_uncommitted");
        try (KafkaConsumer<byte[], byte[]> consumer =
                new KafkaConsumer<>(config, new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic, Duration.ofSeconds(30)).stream()
                    .map(p -> new TopicPartition(topic, p.partition()))
                    .toList();
            return consumer.endOffsets(partitions).values().stream()
                    .mapToLong(Long::longValue)
                    .sum();
        }
    }

    /**
     * A supervisor loop, as systemd's {@code Restart=on-failure} with {@code RestartSec=1}: starts the pipeline,
     * waits for the process to end, and starts it again a second later, until closed. It gives up (as
     * {@code StartLimitBurst} would) after 20 restarts.
     */
    static final class Supervisor implements AutoCloseable {

        private static final int MAX_RESTARTS = 20;

        private final PipelineProcess pipeline;
        private final long since;
        private final CountDownLatch closing = new CountDownLatch(1);
        private final Thread thread;
        private final List<Incarnation> incarnations = new CopyOnWriteArrayList<>();
        private volatile Incarnation current;
        private volatile String gaveUp;

        /** One process the supervisor started: when, how it ended, and its part of the shared log file. */
        final class Incarnation {
            private final int number;
            private final ChildJvm process;
            private final long logFrom;
            private final long startedAt;
            private volatile long endedAt = -1;
            private volatile long stoppedAt = -1;
            private volatile long logTo = -1;
            private volatile boolean killedByTest;

            Incarnation(int number, ChildJvm process, long logFrom, long startedAt) {
                this.number = number;
                this.process = process;
                this.logFrom = logFrom;
                this.startedAt = startedAt;
            }

            int number() {
                return number;
            }

            String name() {
                return process.name();
            }

            boolean ended() {
                return endedAt >= 0;
            }

            boolean killedByTest() {
                return killedByTest;
            }

            /** When the supervisor itself stopped it at the end (SIGTERM), else -1. */
            long stoppedAt() {
                return stoppedAt;
            }

            Integer exitStatus() {
                return ended() ? process.exitCode() : null;
            }

            /** What this process wrote to the log. */
            String log() {
                try (RandomAccessFile file =
                        new RandomAccessFile(pipeline.logFile().toFile(), "r")) {
                    long to = logTo < 0 ? file.length() : Math.min(file.length(), logTo);
                    byte[] bytes = new byte[(int) (to - logFrom)];
                    file.seek(logFrom);
                    file.readFully(bytes);
                    return new String(bytes, StandardCharsets.UTF_8);
                } catch (IOException e) {
                    throw new UncheckedIOException("Cannot read " + pipeline.logFile(), e);
                }
            }

            boolean metTheOutage() {
                String text = log();
                return OUTAGE_MET.stream().anyMatch(text::contains);
            }

            String describe() {
                String end = !ended()
                        ? "running"
                        : killedByTest
                                ? "kill -9 by the test"
                                : stoppedAt >= 0
                                        ? "stopped at the end (SIGTERM)"
                                        : "exited on its own, status " + process.exitCode();
                return "#%d %s: %d-%s ms, %s%s"
                        .formatted(
                                number,
                                process,
                                startedAt,
                                ended() ? endedAt : "",
                                end,
                                metTheOutage() ? ", met the outage" : "");
            }

            @Override
            public String toString() {
                return process.toString();
            }
        }

        Supervisor(PipelineProcess pipeline, long sinceNanos) {
            this.pipeline = pipeline;
            this.since = sinceNanos;
            this.thread = new Thread(this::loop, "supervisor-" + pipeline.applicationId());
        }

        void start() {
            thread.start();
        }

        long millis() {
            return FaultTestSupport.millisSince(since);
        }

        private void loop() {
            try {
                for (int number = 1; closing.getCount() > 0; number++) {
                    if (number > MAX_RESTARTS + 1) {
                        gaveUp =
                                "the supervisor gave up after " + MAX_RESTARTS + " restarts; see " + pipeline.logFile();
                        return;
                    }
                    long logFrom = Files.exists(pipeline.logFile()) ? Files.size(pipeline.logFile()) : 0;
                    Incarnation incarnation = new Incarnation(number, pipeline.start(), logFrom, millis());
                    incarnations.add(incarnation);
                    current = incarnation;
                    incarnation.process.waitForExit();
                    incarnation.logTo = Files.size(pipeline.logFile());
                    incarnation.endedAt = millis();
                    log.info("Supervisor: {} ended ({})", incarnation, incarnation.describe());
                    // RestartSec=1; returns at once when the supervisor is closed
                    closing.await(1, TimeUnit.SECONDS);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (IOException e) {
                gaveUp = "the supervisor failed: " + e;
            }
        }

        /** Every process the supervisor started, in order. */
        List<Incarnation> incarnations() {
            return List.copyOf(incarnations);
        }

        /** The incarnation the supervisor runs now (or last ran). */
        Incarnation current() {
            return current;
        }

        /** Waits until the supervisor has started its {@code number}th process. */
        Incarnation awaitIncarnation(int number) {
            Awaitility.await("the supervisor starts process #" + number)
                    .atMost(Duration.ofMinutes(2))
                    .pollInterval(Duration.ofMillis(20))
                    .until(() -> {
                        throwIfGaveUp();
                        return incarnations.size() >= number;
                    });
            return incarnations.get(number - 1);
        }

        /** {@code kill -9} of that process; the supervisor starts the next one. */
        void kill(Incarnation incarnation) {
            if (!incarnation.ended()) {
                incarnation.killedByTest = true;
                incarnation.process.kill();
                log.info("kill -9 of {} at {} ms", incarnation, millis());
            }
        }

        private void stopCurrent() {
            Incarnation last = current;
            if (last != null && !last.ended() && last.process.isAlive()) {
                last.stoppedAt = millis();
                last.process.stop(Duration.ofSeconds(30));
            }
        }

        void throwIfGaveUp() {
            if (gaveUp != null) {
                throw new IllegalStateException(gaveUp);
            }
        }

        /** Stops the loop and the running process (SIGTERM, as at the end of a deployment). */
        @Override
        public void close() {
            closing.countDown();
            stopCurrent();
            try {
                thread.join(TimeUnit.SECONDS.toMillis(60));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            // the loop may have started one more process just before it saw the close
            stopCurrent();
        }
    }
}
