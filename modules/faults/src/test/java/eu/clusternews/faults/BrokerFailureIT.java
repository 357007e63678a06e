package eu.clusternews.faults;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import eu.clusternews.ingest.reference.ReferenceData;
import eu.clusternews.local.ApicurioRegistryProcess;
import eu.clusternews.local.LoopbackPorts;
import eu.clusternews.testing.Seeds;
import eu.clusternews.topics.TopicSpec;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.TopicPartitionInfo;
import org.apache.kafka.common.config.ConfigResource;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * RELIABILITY scenario 2, broker failure: a 3-node KRaft cluster (three {@code kafka.Kafka} processes, replication
 * factor 3 and {@code min.insync.replicas=2} for every topic, the pipeline's internal topics included), the
 * pipeline running exactly-once while news are being published; the broker that coordinates the pipeline's
 * consumer group is killed with {@code kill -9} and restarted. No news may be lost, the aggregates must equal the
 * recount of the input, the pipeline must be RUNNING again, and the time it takes to recover is measured.
 *
 * <p>Sizes: {@code -Dfaults.broker.records} (default 20000), {@code -Dfaults.broker.rate} records/s published
 * (default 250, so that the broker fails while news are still being published), {@code -Dfaults.broker.downtime} seconds the broker stays down (default 10).
 */
class BrokerFailureIT {

    private static final Logger log = LoggerFactory.getLogger(BrokerFailureIT.class);
    private static final int RECORDS = Integer.getInteger("faults.broker.records", 20_000);
    private static final int RATE = Integer.getInteger("faults.broker.rate", 250);
    private static final int DOWNTIME_SECONDS = Integer.getInteger("faults.broker.downtime", 10);
    private static final long SEED = Long.getLong("faults.seed", 20261128L);
    private static final String APPLICATION_ID = "faults-broker";

    /** One observation of the pipeline while a broker is down: ms since the kill, offsets committed, readiness. */
    record Sample(long millisAfterKill, long committed, boolean ready) {}

    @Test
    @Timeout(value = 30, unit = TimeUnit.MINUTES)
    void aKilledAndRestartedBrokerLosesNoNewsAndThePipelineRecoversByItself() throws Exception {
        Path work = FaultTestSupport.workDir("broker-failure");
        ReferenceData reference = ReferenceData.load(Seeds.reference());
        NewsInput input = NewsInput.generate(reference, 600, RECORDS, SEED);
        Aggregates recount = Recount.of(input.records(), Recount.lookup(reference));

        try (KraftCluster cluster = KraftCluster.start(work.resolve("kafka"), 3);
                ApicurioRegistryProcess registry = ApicurioRegistryProcess.builder(work.resolve("registry"))
                        .port(LoopbackPorts.pickFree())
                        .start()) {
            String bootstrap = cluster.bootstrapServers();
            Map<String, Object> client = FaultTestSupport.clientConfig(bootstrap, registry.confluentApiUrl());
            FaultTestSupport.setUp(bootstrap, registry.confluentApiUrl(), (short) 3);

            Map<String, String> streams = new HashMap<>(PipelineProcess.staticMember(APPLICATION_ID));
            streams.put("replication.factor", "3");
            PipelineProcess pipeline = new PipelineProcess(
                    bootstrap,
                    registry.confluentApiUrl(),
                    APPLICATION_ID,
                    work.resolve("pipeline"),
                    streams,
                    LoopbackPorts.pickFree());
            ChildJvm process = pipeline.start();
            ScheduledExecutorService sampler = Executors.newSingleThreadScheduledExecutor();
            java.util.concurrent.ExecutorService publisher = Executors.newSingleThreadExecutor();
            try (GroupProgress progress = new GroupProgress(client, APPLICATION_ID);
                    Admin admin = Admin.create(Map.of(
                            "bootstrap.servers",
                            bootstrap,
                            "default.api.timeout.ms",
                            15_000,
                            "request.timeout.ms",
                            10_000))) {
                Awaitility.await(process + " RUNNING")
                        .atMost(Duration.ofMinutes(3))
                        .pollInterval(Duration.ofMillis(200))
                        .until(() -> !process.isAlive() || pipeline.ready());
                assertThat(process.isAlive())
                        .as("%s alive (log %s)", process, process.logFile())
                        .isTrue();

                long publishStarted = System.nanoTime();
                java.util.concurrent.atomic.AtomicInteger sent = new java.util.concurrent.atomic.AtomicInteger();
                java.util.concurrent.atomic.AtomicLong publishedMillis = new java.util.concurrent.atomic.AtomicLong();
                CompletableFuture<Void> publishing = CompletableFuture.runAsync(
                        () -> {
                            input.publish(client, 0, input.size(), RATE, sent);
                            publishedMillis.set(FaultTestSupport.millisSince(publishStarted));
                        },
                        publisher);
                int killAfter = Math.max(500, input.size() / 12);
                Awaitility.await(killAfter + " input records processed")
                        .atMost(Duration.ofMinutes(5))
                        .pollInterval(Duration.ofMillis(200))
                        .ignoreExceptions()
                        .until(() -> progress.committedInput() >= killAfter);

                // the victim: the broker coordinating the pipeline's group (and its transactions' offsets)
                int victim = admin.describeConsumerGroups(List.of(APPLICATION_ID))
                        .all()
                        .get(15, TimeUnit.SECONDS)
                        .get(APPLICATION_ID)
                        .coordinator()
                        .id();
                int controller = admin.describeCluster()
                        .controller()
                        .get(15, TimeUnit.SECONDS)
                        .id();
                long leaderships = leaderships(admin, victim);
                long committedAtKill = progress.committedAll();
                long inputAtKill = progress.committedInput();
                int sentAtKill = sent.get();

                long killedAt = System.nanoTime();
                cluster.kill(victim);
                List<Sample> samples = new CopyOnWriteArrayList<>();
                sampler.scheduleWithFixedDelay(
                        () -> {
                            try {
                                samples.add(new Sample(
                                        FaultTestSupport.millisSince(killedAt),
                                        progress.committedAll(),
                                        pipeline.ready()));
                            } catch (Exception unavailable) {
                                // the admin request may time out while the coordinator moves: no sample this time
                            }
                        },
                        0,
                        100,
                        TimeUnit.MILLISECONDS);

                Awaitility.await("the pipeline commits again with broker " + victim + " down")
                        .atMost(Duration.ofMinutes(3))
                        .pollInterval(Duration.ofMillis(100))
                        .until(() -> samples.stream().anyMatch(s -> s.committed() > committedAtKill));
                long processingAgainMillis = samples.stream()
                        .filter(s -> s.committed() > committedAtKill)
                        .findFirst()
                        .orElseThrow()
                        .millisAfterKill();

                // the broker stays down for a fixed time (nothing to await: the downtime is the scenario), then
                // comes back on its data
                long downFor = TimeUnit.SECONDS.toMillis(DOWNTIME_SECONDS) - FaultTestSupport.millisSince(killedAt);
                if (downFor > 0) {
                    TimeUnit.MILLISECONDS.sleep(downFor);
                }
                long restartedAt = System.nanoTime();
                cluster.restart(victim);
                cluster.awaitBrokers(3, Duration.ofMinutes(2));
                long rejoinedMillis = FaultTestSupport.millisSince(restartedAt);
                Awaitility.await("every partition fully replicated again")
                        .atMost(Duration.ofMinutes(3))
                        .pollInterval(Duration.ofMillis(250))
                        .ignoreExceptions()
                        .until(() -> underReplicated(admin) == 0);
                long inSyncMillis = FaultTestSupport.millisSince(restartedAt);

                publishing.get(5, TimeUnit.MINUTES);
                Awaitility.await(process + " processes all input")
                        .atMost(Duration.ofMinutes(20))
                        .pollInterval(Duration.ofMillis(500))
                        .until(() -> {
                            assertThat(process.isAlive())
                                    .as("%s alive (log %s)", process, process.logFile())
                                    .isTrue();
                            return progress.done();
                        });
                long caughtUpMillis = FaultTestSupport.millisSince(killedAt);
                sampler.shutdownNow();
                boolean readyAtEnd = pipeline.ready();
                List<Sample> notReady = samples.stream().filter(s -> !s.ready()).toList();

                CommittedOutput output = new CommittedOutput(client);
                Map<String, Integer> enriched = output.enrichedIdCounts(Map.of());
                Aggregates aggregates = output.aggregates(Map.of());
                Map<String, String> topicSettings = topicSettings(
                        admin,
                        List.of(
                                TopicSpec.NEWS.topicName(),
                                TopicSpec.CLUSTER_ACTIVITY.topicName(),
                                APPLICATION_ID + "-enriched-news-store-changelog",
                                APPLICATION_ID + "-cluster-partials-repartition"));

                System.out.println("""

                        ==== RELIABILITY scenario 2: broker killed with kill -9 and restarted (3 KRaft nodes, RF 3, min ISR 2)
                        input: %d records (%d distinct news) published at %d/s while the pipeline runs; publishing took %d ms, no send failed
                        topics: %s
                        killed broker %d (group coordinator%s, leader of %d partitions) with %d input records committed, %d of %d published
                        pipeline committed again %d ms after the kill; not ready in %d of %d samples (first %s, last %s)
                        broker restarted after %d s down: registered again in %d ms, all partitions in sync %d ms after its restart
                        all input processed %d ms after the kill; pipeline ready at the end: %s
                        cluster-news-enriched (read_committed): %d records, %d distinct ids
                        aggregates: %s; recount: %s
                        """.formatted(
                        input.size(),
                        input.distinctIds().size(),
                        RATE,
                        publishedMillis.get(),
                        topicSettings,
                        victim,
                        victim == controller ? ", active controller" : "",
                        leaderships,
                        inputAtKill,
                        sentAtKill,
                        input.size(),
                        processingAgainMillis,
                        notReady.size(),
                        samples.size(),
                        notReady.isEmpty() ? "-" : notReady.get(0).millisAfterKill() + " ms",
                        notReady.isEmpty()
                                ? "-"
                                : notReady.get(notReady.size() - 1).millisAfterKill() + " ms",
                        DOWNTIME_SECONDS,
                        rejoinedMillis,
                        inSyncMillis,
                        caughtUpMillis,
                        readyAtEnd,
                        enriched.values().stream().mapToInt(Integer::intValue).sum(),
                        enriched.size(),
                        aggregates.summary(),
                        recount.summary()));

                assertThat(readyAtEnd)
                        .as("/health/ready of the pipeline (Kafka Streams RUNNING) at the end")
                        .isTrue();
                FaultTestSupport.assertEachNewsOnce(enriched, input.distinctIds());
                aggregates.assertSameAs(recount, "after the broker failures vs recount");
                assertThat(topicSettings)
                        .as("replication of the data and internal topics")
                        .allSatisfy((topic, setting) -> assertThat(setting).isEqualTo("RF 3, min ISR 2"));
            } finally {
                sampler.shutdownNow();
                publisher.shutdownNow();
                process.stop(Duration.ofSeconds(30));
            }
        }
    }

    private static long leaderships(Admin admin, int node) throws Exception {
        return descriptions(admin).values().stream()
                .flatMap(d -> d.partitions().stream())
                .filter(p -> p.leader() != null && p.leader().id() == node)
                .count();
    }

    private static long underReplicated(Admin admin) throws Exception {
        return descriptions(admin).values().stream()
                .flatMap(d -> d.partitions().stream())
                .filter(p -> p.isr().size() < p.replicas().size())
                .count();
    }

    private static Map<String, TopicDescription> descriptions(Admin admin) throws Exception {
        var names = admin.listTopics(new org.apache.kafka.clients.admin.ListTopicsOptions().listInternal(true))
                .names()
                .get(15, TimeUnit.SECONDS);
        return admin.describeTopics(names).allTopicNames().get(15, TimeUnit.SECONDS);
    }

    /** "RF n, min ISR m" per topic, from the topic's partitions and its effective configuration. */
    private static Map<String, String> topicSettings(Admin admin, List<String> topics) throws Exception {
        Map<String, TopicDescription> descriptions =
                admin.describeTopics(topics).allTopicNames().get(15, TimeUnit.SECONDS);
        List<ConfigResource> resources = new ArrayList<>();
        topics.forEach(t -> resources.add(new ConfigResource(ConfigResource.Type.TOPIC, t)));
        Map<ConfigResource, Config> configs =
                admin.describeConfigs(resources).all().get(15, TimeUnit.SECONDS);
        Map<String, String> settings = new java.util.TreeMap<>();
        for (String topic : topics) {
            int replicas = descriptions.get(topic).partitions().stream()
                    .map(TopicPartitionInfo::replicas)
                    .mapToInt(List::size)
                    .min()
                    .orElse(0);
            String minIsr = configs.get(new ConfigResource(ConfigResource.Type.TOPIC, topic))
                    .get("min.insync.replicas")
                    .value();
            settings.put(topic, "RF " + replicas + ", min ISR " + minIsr);
        }
        return settings;
    }
}
