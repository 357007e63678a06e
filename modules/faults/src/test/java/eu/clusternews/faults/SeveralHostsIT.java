package eu.clusternews.faults;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import eu.clusternews.avro.ClusterActivity;
import eu.clusternews.ingest.reference.ReferenceData;
import eu.clusternews.local.LocalStack;
import eu.clusternews.local.LoopbackPorts;
import eu.clusternews.testing.Seeds;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.apache.kafka.common.GroupState;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * RELIABILITY: several hosts answer right or 503, never partially. Three pipeline processes, each with its HTTP API
 * on its own loopback address (127.0.0.2, 127.0.0.3, 127.0.0.4: other "hosts" on Linux; the broker and the registry
 * on 127.0.0.1), share one application id. Once the input is processed, the right answers are taken from the first
 * instance (and checked against a recount of the input); then every instance's API is polled without pause while the
 * second is killed with {@code kill -9} and the third joins. Every answer must be a 503 or equal to the right
 * answer: a cluster listing (gathered from every partition), cluster details (key lookups routed to owners) and the
 * latest news (filter and limit pushed to the peers). Afterwards every instance answers the same.
 */
class SeveralHostsIT {

    private static final Logger log = LoggerFactory.getLogger(SeveralHostsIT.class);
    private static final String APPLICATION_ID = "faults-hosts";
    private static final int RECORDS = Integer.getInteger("faults.hosts.records", 3_000);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    /** One answer of one instance to one path; status 0: no answer (refused, timed out). */
    record Answer(String instance, String path, int status, boolean right, long millis) {}

    @Test
    @Timeout(value = 8, unit = TimeUnit.MINUTES)
    void everyAnswerWhileAnInstanceIsKilledAndAnotherJoinsIsA503OrTheFullRightAnswer() throws Exception {
        Path work = FaultTestSupport.workDir("hosts");
        // a stack of its own: the shared one's cluster-news holds the other fault tests' news, which the instances
        // would count too
        try (LocalStack stack = LocalStack.builder()
                .dataDir(work.resolve("stack"))
                .kafkaPort(LoopbackPorts.pickFree())
                .registryPort(LoopbackPorts.pickFree())
                .start()) {
            run(stack, work);
        }
    }

    private void run(LocalStack stack, Path work) throws Exception {
        Map<String, Object> client = FaultTestSupport.clientConfig(stack.bootstrapServers(), stack.schemaRegistryUrl());
        FaultTestSupport.setUp(stack.bootstrapServers(), stack.schemaRegistryUrl(), (short) 1);
        ReferenceData reference = ReferenceData.load(Seeds.reference());
        NewsInput input = NewsInput.generate(reference, 300, RECORDS, 20261202L);
        Aggregates recount = Recount.of(input.records(), Recount.lookup(reference));
        input.publish(client, 0, input.size(), 0);

        Map<String, String> streams = new HashMap<>();
        // a killed instance is noticed after 6 s rather than the default 45 s
        streams.put("session.timeout.ms", "6000");
        streams.put("heartbeat.interval.ms", "1500");
        PipelineProcess a = instance(stack, work, "a", "127.0.0.2", streams);
        PipelineProcess b = instance(stack, work, "b", "127.0.0.3", streams);
        PipelineProcess c = instance(stack, work, "c", "127.0.0.4", streams);

        List<String> paths = new ArrayList<>(List.of("/api/clusters", "/api/news?limit=20"));
        recount.clusters().values().stream()
                .sorted(Comparator.comparingLong(ClusterActivity::getNewsCount).reversed())
                .limit(4)
                .forEach(cluster -> paths.add("/api/clusters/" + cluster.getClusterId()));

        ChildJvm processA = a.start();
        ChildJvm processB = b.start();
        ChildJvm processC = null;
        List<Answer> answers = new CopyOnWriteArrayList<>();
        AtomicBoolean polling = new AtomicBoolean(true);
        Thread poller = null;
        try (GroupProgress progress = new GroupProgress(client, APPLICATION_ID);
                Admin admin = Admin.create(Map.of("bootstrap.servers", stack.bootstrapServers()))) {
            Awaitility.await("both instances process all input")
                    .atMost(Duration.ofMinutes(3))
                    .pollInterval(Duration.ofMillis(500))
                    .until(() -> {
                        if (!processA.isAlive() || !processB.isAlive()) {
                            throw new IllegalStateException(
                                    "an instance died; see " + processA.logFile() + ", " + processB.logFile());
                        }
                        return a.ready() && b.ready() && progress.done();
                    });
            Map<String, JsonNode> right = new LinkedHashMap<>();
            Awaitility.await("both instances answer every path alike")
                    .atMost(Duration.ofMinutes(1))
                    .pollInterval(Duration.ofMillis(500))
                    .until(() -> {
                        right.clear();
                        for (String path : paths) {
                            JsonNode fromA = get(a, path);
                            if (fromA == null || !fromA.equals(get(b, path))) {
                                return false;
                            }
                            right.put(path, fromA);
                        }
                        return true;
                    });
            assertRightAccordingToTheRecount(right.get("/api/clusters"), recount);

            Map<String, PipelineProcess> polled = new java.util.concurrent.ConcurrentHashMap<>(Map.of("a", a, "b", b));
            long pollStart = System.nanoTime();
            poller = new Thread(
                    () -> {
                        while (polling.get()) {
                            for (Map.Entry<String, PipelineProcess> instance : polled.entrySet()) {
                                for (String path : paths) {
                                    answers.add(ask(
                                            instance.getKey(), instance.getValue(), path, right.get(path), pollStart));
                                }
                            }
                        }
                    },
                    "api-poller");
            poller.start();
            Awaitility.await("answers in steady state")
                    .atMost(Duration.ofSeconds(30))
                    .until(() -> answers.size() >= 50);

            long killedAt = FaultTestSupport.millisSince(pollStart);
            processB.kill();
            polled.remove("b");
            processC = c.start();
            ChildJvm joined = processC;
            Awaitility.await("the third instance answers")
                    .atMost(Duration.ofMinutes(2))
                    .pollInterval(Duration.ofMillis(200))
                    .until(() -> {
                        if (!joined.isAlive()) {
                            throw new IllegalStateException(joined + " died; see " + joined.logFile());
                        }
                        return c.status("/health/live") == 200;
                    });
            polled.put("c", c);
            long joinedAt = FaultTestSupport.millisSince(pollStart);
            Awaitility.await("the group settles on the two live instances")
                    .atMost(Duration.ofMinutes(2))
                    .pollInterval(Duration.ofMillis(500))
                    .until(() -> {
                        ConsumerGroupDescription group = admin.describeConsumerGroups(List.of(APPLICATION_ID))
                                .describedGroups()
                                .get(APPLICATION_ID)
                                .get(10, TimeUnit.SECONDS);
                        return group.groupState() == GroupState.STABLE
                                && group.members().size() == 2
                                && a.ready()
                                && c.ready();
                    });
            Awaitility.await("both live instances give the right answers again")
                    .atMost(Duration.ofMinutes(2))
                    .pollInterval(Duration.ofMillis(500))
                    .until(() -> {
                        for (String path : paths) {
                            if (!right.get(path).equals(get(a, path))
                                    || !right.get(path).equals(get(c, path))) {
                                return false;
                            }
                        }
                        return true;
                    });
            long settledAt = FaultTestSupport.millisSince(pollStart);
            polling.set(false);
            poller.join(30_000);

            List<Answer> wrong = answers.stream()
                    .filter(x -> x.status() != 503
                            && !(x.status() == 200 && x.right())
                            && !(x.status() == 0 && x.instance().equals("b")))
                    .toList();
            long ok =
                    answers.stream().filter(x -> x.status() == 200 && x.right()).count();
            long unavailable = answers.stream().filter(x -> x.status() == 503).count();
            long unavailableAfterKill = answers.stream()
                    .filter(x -> x.status() == 503 && x.millis() >= killedAt)
                    .count();
            long rightAfterSettled = answers.stream()
                    .filter(x -> x.status() == 200 && x.millis() >= settledAt)
                    .count();
            System.out.printf(
                    "%n==== RELIABILITY: several hosts (127.0.0.2-4), one killed with kill -9, one joining%n"
                            + "%d answers: %d right (200), %d 503 (%d after the kill), %d neither; kill at %d ms, third"
                            + " instance up at %d ms, right everywhere again at %d ms%n",
                    answers.size(), ok, unavailable, unavailableAfterKill, wrong.size(), killedAt, joinedAt, settledAt);

            assertThat(wrong)
                    .as("answers that are neither 503 nor the full right answer")
                    .isEmpty();
            assertThat(unavailableAfterKill)
                    .as("503s while the killed instance's partitions had no owner")
                    .isPositive();
            assertThat(answers.stream()
                            .filter(x -> x.status() == 200 && x.instance().equals("c"))
                            .count())
                    .as("right answers from the instance that joined")
                    .isPositive();
            for (String path : paths) {
                assertThat(get(a, path)).as("a: %s", path).isEqualTo(right.get(path));
                assertThat(get(c, path)).as("c: %s", path).isEqualTo(right.get(path));
            }
            log.info(
                    "{} answers checked; {} of them right after the instances settled",
                    answers.size(),
                    rightAfterSettled);
        } finally {
            polling.set(false);
            if (poller != null) {
                poller.join(30_000);
            }
            processA.stop(Duration.ofSeconds(20));
            processB.kill();
            if (processC != null) {
                processC.stop(Duration.ofSeconds(20));
            }
        }
    }

    private static PipelineProcess instance(
            LocalStack stack, Path work, String name, String host, Map<String, String> streams) {
        return new PipelineProcess(
                        stack.bootstrapServers(),
                        stack.schemaRegistryUrl(),
                        APPLICATION_ID,
                        work.resolve(name),
                        streams,
                        LoopbackPorts.pickFree())
                .onHttpHost(host);
    }

    /** The answer's JSON when it is 200, else null. */
    private static JsonNode get(PipelineProcess instance, String path) throws IOException, InterruptedException {
        HttpResponse<String> response = HTTP.send(
                HttpRequest.newBuilder(instance.uri(path))
                        .timeout(Duration.ofSeconds(10))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        return response.statusCode() == 200 ? JSON.readTree(response.body()) : null;
    }

    private static Answer ask(String name, PipelineProcess instance, String path, JsonNode right, long since) {
        long at = FaultTestSupport.millisSince(since);
        try {
            HttpResponse<String> response = HTTP.send(
                    HttpRequest.newBuilder(instance.uri(path))
                            .timeout(Duration.ofSeconds(10))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            boolean isRight = response.statusCode() == 200 && right.equals(JSON.readTree(response.body()));
            if (response.statusCode() != 503 && !isRight) {
                log.error(
                        "WRONG ANSWER from {} to {} at {} ms: {} {}",
                        name,
                        path,
                        at,
                        response.statusCode(),
                        response.body().length() > 2_000 ? response.body().substring(0, 2_000) : response.body());
            }
            return new Answer(name, path, response.statusCode(), isRight, at);
        } catch (IOException e) {
            return new Answer(name, path, 0, false, at);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Answer(name, path, 0, false, at);
        }
    }

    /** The cluster listing holds every cluster of the recount with its news count. */
    private static void assertRightAccordingToTheRecount(JsonNode listing, Aggregates recount) {
        Map<String, Long> counts = new java.util.TreeMap<>();
        listing.get("items")
                .forEach(item -> counts.put(
                        item.get("id").asText(), item.get("newsCount").asLong()));
        Map<String, Long> expected = new java.util.TreeMap<>();
        recount.clusters().forEach((id, activity) -> expected.put(id, activity.getNewsCount()));
        assertThat(counts)
                .as("the cluster listing against the recount of the input")
                .isEqualTo(expected);
    }
}
