package eu.clusternews.faults;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import eu.clusternews.ingest.reference.ReferenceData;
import eu.clusternews.local.LocalStack;
import eu.clusternews.local.LoopbackPorts;
import eu.clusternews.local.testing.SharedLocalStack;
import eu.clusternews.testing.Seeds;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * RELIABILITY: a dead pipeline ends its process. The pipeline runs as its own process ({@code clusternews pipeline})
 * with a producer whose {@code max.request.size} (1 KiB) leaves no room for the enriched records it writes: every
 * stream thread dies (the output bounds refuse that setting when the task starts), is replaced, dies again, until the replacement budget (3 per 10
 * minutes) is spent and Kafka Streams shuts the client down (ERROR). {@code /health/live} must then answer 503, and
 * the process must exit with a non-zero status and a plain message within 30 s, so that a supervisor restarts it.
 */
class PipelineDeathIT {

    private static final Logger log = LoggerFactory.getLogger(PipelineDeathIT.class);
    private static final Duration EXIT_WITHIN = Duration.ofSeconds(30);

    @Test
    @Timeout(value = 5, unit = TimeUnit.MINUTES)
    void aPipelineWhoseStreamsClientDiesFailsLivenessThenExitsNonZeroWithin30Seconds() throws Exception {
        Path work = FaultTestSupport.workDir("death");
        LocalStack stack = SharedLocalStack.get();
        Map<String, Object> client = FaultTestSupport.clientConfig(stack.bootstrapServers(), stack.schemaRegistryUrl());
        FaultTestSupport.setUp(stack.bootstrapServers(), stack.schemaRegistryUrl(), (short) 1);
        NewsInput input = NewsInput.generate(ReferenceData.load(Seeds.reference()), 50, 200, 7L);
        input.publish(client, 0, input.size(), 0);

        Map<String, String> streams = new HashMap<>();
        // every enriched news and changelog record is larger than this: each write fails (RecordTooLargeException)
        streams.put("producer.max.request.size", "1024");
        streams.put("session.timeout.ms", "6000");
        streams.put("heartbeat.interval.ms", "1500");
        PipelineProcess pipeline = new PipelineProcess(
                stack.bootstrapServers(),
                stack.schemaRegistryUrl(),
                "faults-death",
                work.resolve("pipeline"),
                streams,
                LoopbackPorts.pickFree());
        ChildJvm process = pipeline.start();
        try {
            Awaitility.await(process + " answers /health/live")
                    .atMost(Duration.ofMinutes(2))
                    .pollInterval(Duration.ofMillis(100))
                    .until(() -> !process.isAlive() || pipeline.status("/health/live") == 200);
            assertThat(process.isAlive())
                    .as("%s alive at first (log %s)", process, process.logFile())
                    .isTrue();

            // liveness fails first: the failure is visible to a probe before the process ends
            long started = System.nanoTime();
            Awaitility.await(process + " answers /health/live with 503")
                    .atMost(Duration.ofMinutes(3))
                    .pollInterval(Duration.ofMillis(50))
                    .until(() -> pipeline.status("/health/live") == 503 || !process.isAlive());
            assertThat(process.isAlive())
                    .as("%s still alive when /health/live first failed (log %s)", process, process.logFile())
                    .isTrue();
            long liveFailedAfter = FaultTestSupport.millisSince(started);
            long failed = System.nanoTime();

            Awaitility.await(process + " exits")
                    .atMost(EXIT_WITHIN)
                    .pollInterval(Duration.ofMillis(50))
                    .until(() -> !process.isAlive());
            long exitedAfterLiveFailed = FaultTestSupport.millisSince(failed);
            String log = Files.readString(process.logFile());
            System.out.printf(
                    "%n==== RELIABILITY: a dead pipeline exits%n/health/live 503 %d ms after it was first"
                            + " live; exit status %d %d ms later%n%s%n",
                    liveFailedAfter,
                    process.exitCode(),
                    exitedAfterLiveFailed,
                    log.lines()
                            .filter(l -> l.startsWith("clusternews:"))
                            .findFirst()
                            .orElse(""));

            assertThat(process.exitCode()).as("exit status").isNotZero();
            assertThat(log)
                    .as("the plain message in the log %s", process.logFile())
                    .contains(
                            "clusternews: The pipeline faults-death stopped: a stream thread died 4 times within 10 minutes")
                    // the output bounds check this setting when a task starts: the thread dies before it writes
                    .contains("clusternews.enriched.max.bytes");
            assertThat(Duration.ofMillis(exitedAfterLiveFailed)).isLessThan(EXIT_WITHIN);
            PipelineDeathIT.log.info("exited {} ms after /health/live failed", exitedAfterLiveFailed);
        } finally {
            process.kill();
        }
    }
}
