package eu.clusternews.faults;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;

import eu.clusternews.ingest.reference.ReferenceData;
import eu.clusternews.local.LocalStack;
import eu.clusternews.local.testing.SharedLocalStack;
import eu.clusternews.testing.Seeds;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.streams.StreamsConfig;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * RELIABILITY scenario 1, crash: the exactly-once pipeline runs as its own process against the embedded broker and
 * the Apicurio registry, and is killed with {@code kill -9} at random moments (seeded) while it works through
 * 100 000 news with duplicates, then restarted on the same state directory each time. At the end its committed
 * output must be what a clean run (a second application id, never killed) and an in-memory recount of the input
 * produce, with every news id once in cluster-news-enriched.
 *
 * <p>Sizes: {@code -Dfaults.crash.records} (default 100000), {@code -Dfaults.crash.kills} (default 6),
 * {@code -Dfaults.seed} (default 20261128).
 */
class PipelineCrashIT {

    private static final Logger log = LoggerFactory.getLogger(PipelineCrashIT.class);
    private static final int RECORDS = Integer.getInteger("faults.crash.records", 100_000);
    private static final int KILLS = Integer.getInteger("faults.crash.kills", 6);
    private static final long SEED = Long.getLong("faults.seed", 20261128L);
    private static final int TEMPLATES = 600;
    private static final Duration MAX_RUN = Duration.ofMinutes(20);
    /**
     * The pipeline's {@code commit.interval.ms} here: one second rather than the default two, so that the input spans
     * enough transactions for every kill to fall with input still to do (with two, one commit of a restarted pipeline
     * covered up to half the input). Exactly-once does not depend on the interval, only the transactions' size does.
     */
    private static final int COMMIT_INTERVAL_MILLIS = 1_000;

    /** The kill falls up to this long after its target: one commit interval, anywhere in a transaction. */
    private static final int KILL_DELAY_BOUND_MILLIS = COMMIT_INTERVAL_MILLIS;

    /** One kill: when in the incarnation, and how much input was committed and still to do at that moment. */
    record Kill(int incarnation, long millisAfterTarget, long committedInput, long inputLag, long millisAlive) {}

    @Test
    @Timeout(value = 45, unit = TimeUnit.MINUTES)
    void aPipelineKilledAtRandomMomentsAndRestartedEndsWithTheAggregatesOfACleanRunAndNoDuplicateNews()
            throws Exception {
        Path work = FaultTestSupport.workDir("crash");
        LocalStack stack = SharedLocalStack.get();
        Map<String, Object> client = FaultTestSupport.clientConfig(stack.bootstrapServers(), stack.schemaRegistryUrl());
        FaultTestSupport.setUp(stack.bootstrapServers(), stack.schemaRegistryUrl(), (short) 1);

        ReferenceData reference = ReferenceData.load(Seeds.reference());
        NewsInput input = NewsInput.generate(reference, TEMPLATES, RECORDS, SEED);
        Aggregates recount = Recount.of(input.records(), Recount.lookup(reference));
        long published = System.nanoTime();
        input.publish(client, 0, input.size(), 0);
        log.info(
                "Published {} records ({} distinct news) in {} ms; the recount expects {}",
                input.size(),
                input.distinctIds().size(),
                FaultTestSupport.millisSince(published),
                recount.summary());

        // the crashing run: start, let it make progress, kill -9 at a random moment, start again on the same state
        PipelineProcess crashing = staticMemberWithoutHttp(stack, work, "faults-crash");
        Random random = new Random(SEED);
        // the kill moments, spread over the run: after a random share of the input is committed (sorted), plus a
        // random part of one catch-up commit interval (1 s), so that the kill falls anywhere in a transaction, not
        // right after a commit. The shares end at 0.70: a restarted pipeline catching up commits ~20 000 records a
        // second here, and with shares up to 0.92 and 0-2 s a kill once fell after all input was committed
        long[] killTargets = random.doubles(KILLS, 0.03, 0.70)
                .sorted()
                .mapToLong(share -> Math.round(share * input.size()))
                .toArray();
        List<Kill> kills = new ArrayList<>();
        long crashRunStarted = System.nanoTime();
        try (GroupProgress progress = new GroupProgress(client, crashing.applicationId())) {
            for (int incarnation = 1; incarnation <= KILLS; incarnation++) {
                ChildJvm pipeline = crashing.start();
                long started = System.nanoTime();
                try {
                    long before = progress.committedAll();
                    Awaitility.await(pipeline + " commits progress")
                            .atMost(Duration.ofMinutes(3))
                            .pollInterval(Duration.ofMillis(100))
                            .until(() -> !pipeline.isAlive() || progress.committedAll() > before);
                    long target = killTargets[incarnation - 1];
                    Awaitility.await(pipeline + " commits " + target + " input records")
                            .atMost(MAX_RUN)
                            .pollInterval(Duration.ofMillis(100))
                            .until(() -> !pipeline.isAlive() || progress.committedInput() >= target);
                    assertThat(pipeline.isAlive())
                            .as("%s is alive (log: %s)", pipeline, pipeline.logFile())
                            .isTrue();
                    long afterProgress = System.nanoTime();
                    long delay = random.nextInt(KILL_DELAY_BOUND_MILLIS);
                    // the random moment itself: nothing to await, the point is not to choose when
                    TimeUnit.MILLISECONDS.sleep(delay);
                    long committed = progress.committedInput();
                    long lag = progress.inputLag();
                    pipeline.kill();
                    kills.add(new Kill(
                            incarnation,
                            FaultTestSupport.millisSince(afterProgress),
                            committed,
                            lag,
                            FaultTestSupport.millisSince(started)));
                    log.info(
                            "kill -9 #{} of {}: {} ms after it committed {} input records, {} ms after its start; input committed {}, still to do {}",
                            incarnation,
                            pipeline,
                            delay,
                            target,
                            FaultTestSupport.millisSince(started),
                            committed,
                            lag);
                } finally {
                    pipeline.kill();
                }
            }
            runToTheEnd(progress, crashing);
        }
        long crashRunMillis = FaultTestSupport.millisSince(crashRunStarted);

        CommittedOutput output = new CommittedOutput(client);
        Aggregates afterCrashes = output.aggregates(Map.of());
        Map<String, Integer> enrichedAfterCrashes = output.enrichedIdCounts(Map.of());
        Map<TopicPartition, Long> cleanRunBegins = output.outputEndOffsets();

        // the clean run: a second application id on the same input, never killed; its output follows the first's
        PipelineProcess clean = staticMemberWithoutHttp(stack, work, "faults-clean");
        long cleanRunStarted = System.nanoTime();
        try (GroupProgress progress = new GroupProgress(client, clean.applicationId())) {
            runToTheEnd(progress, clean);
        }
        long cleanRunMillis = FaultTestSupport.millisSince(cleanRunStarted);
        Aggregates cleanRun = output.aggregates(cleanRunBegins);
        Map<String, Integer> enrichedCleanRun = output.enrichedIdCounts(cleanRunBegins);

        String report = """

                ==== RELIABILITY scenario 1: pipeline killed with kill -9 and restarted (exactly_once_v2)
                input: %d records, %d distinct news (%d duplicates), %d templates, seed %d
                kills: %d, all while input was still to do: %s
                crashing run: %d ms in all (%d incarnations); clean run: %d ms
                cluster-news-enriched (read_committed): %d records after the crashes, %d distinct ids; clean run %d records
                aggregates after the crashes: %s
                aggregates of the clean run:  %s
                recount from the input:       %s
                """.formatted(
                input.size(),
                input.distinctIds().size(),
                input.size() - input.distinctIds().size(),
                TEMPLATES,
                SEED,
                kills.size(),
                kills,
                crashRunMillis,
                kills.size() + 1,
                cleanRunMillis,
                enrichedAfterCrashes.values().stream()
                        .mapToInt(Integer::intValue)
                        .sum(),
                enrichedAfterCrashes.size(),
                enrichedCleanRun.values().stream().mapToInt(Integer::intValue).sum(),
                afterCrashes.summary(),
                cleanRun.summary(),
                recount.summary());
        System.out.println(report);

        assertThat(kills)
                .as("kills while input was still to do")
                .hasSizeGreaterThanOrEqualTo(Math.min(KILLS, 5))
                .allMatch(kill -> kill.inputLag() > 0 || kill.committedInput() < input.size());
        FaultTestSupport.assertEachNewsOnce(enrichedAfterCrashes, input.distinctIds());
        assertThat(enrichedCleanRun.keySet()).isEqualTo(input.distinctIds());

        cleanRun.assertSameAs(recount, "clean run vs recount");
        afterCrashes.assertSameAs(cleanRun, "after the crashes vs the clean run");
        assertThat(cleanRun.events()).as("clean run vs recount: cluster-events").isEqualTo(recount.events());
        assertThat(afterCrashes.events())
                .as("after the crashes vs the clean run: cluster-events")
                .isEqualTo(cleanRun.events());
    }

    /** A pipeline of application id {@code applicationId}, a static group member, in {@code work/<id>}, no HTTP API. */
    private static PipelineProcess staticMemberWithoutHttp(LocalStack stack, Path work, String applicationId) {
        Map<String, String> properties = new HashMap<>(PipelineProcess.staticMember(applicationId));
        properties.put(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG, String.valueOf(COMMIT_INTERVAL_MILLIS));
        return new PipelineProcess(
                stack.bootstrapServers(),
                stack.schemaRegistryUrl(),
                applicationId,
                work.resolve(applicationId),
                properties,
                0);
    }

    /** Starts a new process of the pipeline, waits until it has processed all input, then stops it. */
    private static void runToTheEnd(GroupProgress progress, PipelineProcess process) {
        ChildJvm pipeline = process.start();
        try {
            awaitDone(progress, pipeline);
        } finally {
            pipeline.stop(Duration.ofSeconds(30));
        }
    }

    private static void awaitDone(GroupProgress progress, ChildJvm pipeline) {
        Awaitility.await(pipeline + " processes all input")
                .atMost(MAX_RUN)
                .pollInterval(Duration.ofMillis(500))
                .until(() -> {
                    if (!pipeline.isAlive()) {
                        throw new IllegalStateException(pipeline + " died; see " + pipeline.logFile());
                    }
                    return progress.done();
                });
    }
}
