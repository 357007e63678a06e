package eu.clusternews.history;

import java.time.Duration;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import eu.clusternews.topics.ClientConfigs;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ListOffsetsOptions;
import org.apache.kafka.clients.admin.ListTopicsOptions;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.IsolationLevel;
import org.apache.kafka.common.KafkaFuture;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;

/** The admin operations of reprocess and replay, with errors that name the cluster and the topic. */
public final class HistoryAdmin implements AutoCloseable {

    public static final Comparator<TopicPartition> BY_TOPIC_AND_PARTITION =
            Comparator.comparing(TopicPartition::topic).thenComparingInt(TopicPartition::partition);

    private static final long TIMEOUT_SECONDS = 30;
    /** How often {@link #settledEnd} looks at the offsets again. */
    private static final long SETTLE_CHECK_MILLIS = 50;

    private final Admin admin;
    private final Object bootstrapServers;

    public HistoryAdmin(Map<String, ?> clientConfig) {
        this.admin = Admin.create(ClientConfigs.admin(clientConfig));
        this.bootstrapServers = clientConfig.get(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG);
    }

    public Admin admin() {
        return admin;
    }

    public Object bootstrapServers() {
        return bootstrapServers;
    }

    /** Every topic name (internal ones included). */
    public Set<String> topics() {
        return new TreeSet<>(
                get(admin.listTopics(new ListTopicsOptions().listInternal(true)).names(), "list the topics"));
    }

    /**
     * The partitions of these topics, sorted.
     *
     * @throws IllegalArgumentException naming a topic that does not exist
     */
    public List<TopicPartition> partitions(Collection<String> topics) {
        Map<String, TopicDescription> descriptions;
        try {
            descriptions = admin.describeTopics(topics).allTopicNames().get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof UnknownTopicOrPartitionException) {
                throw new IllegalArgumentException(
                        "A topic of " + topics + " does not exist on " + bootstrapServers
                                + " (create it first, e.g. with `clusternews setup`)",
                        e.getCause());
            }
            throw failure("describe topics " + topics, e);
        } catch (TimeoutException | InterruptedException e) {
            throw failure("describe topics " + topics, e);
        }
        return descriptions.values().stream()
                .flatMap(d -> d.partitions().stream().map(p -> new TopicPartition(d.name(), p.partition())))
                .sorted(BY_TOPIC_AND_PARTITION)
                .toList();
    }

    /** The earliest offsets. */
    public Map<TopicPartition, Long> earliest(Collection<TopicPartition> partitions) {
        return offsets(partitions, OffsetSpec.earliest());
    }

    /** The end offsets as a read_committed reader sees them (the last stable offsets). */
    public Map<TopicPartition, Long> committedEnd(Collection<TopicPartition> partitions) {
        return offsets(partitions, OffsetSpec.latest());
    }

    /**
     * The end offsets as written (the high watermarks), records of transactions still open or not yet marked
     * included: where a reader that must see a partition's every record has to get to.
     */
    public Map<TopicPartition, Long> writtenEnd(Collection<TopicPartition> partitions) {
        return offsets(partitions, OffsetSpec.latest(), IsolationLevel.READ_UNCOMMITTED);
    }

    /**
     * The end offsets once no transaction is open on these partitions: the last stable offsets after they have
     * reached the high watermarks. A producer's commit returns before the broker has written its markers, so right
     * after a pipeline commits and closes, a read_committed reader bounded by the last stable offset can still miss
     * its last transaction, which in a rebuild holds most of the output. Call it only when every writer of the
     * partitions has stopped.
     *
     * @throws IllegalStateException naming the partitions still held by an open transaction after {@code timeout}
     */
    public Map<TopicPartition, Long> settledEnd(Collection<TopicPartition> partitions, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            Map<TopicPartition, Long> committed = committedEnd(partitions);
            Map<TopicPartition, Long> written = writtenEnd(partitions);
            if (committed.equals(written)) {
                return committed;
            }
            if (System.nanoTime() > deadline) {
                List<TopicPartition> open = written.keySet().stream()
                        .filter(tp -> !written.get(tp).equals(committed.get(tp)))
                        .toList();
                throw new IllegalStateException("A transaction is still open on " + open + " after "
                        + timeout.toSeconds() + " s: a producer is still writing to them (is a pipeline running?),"
                        + " or one stopped in a transaction that the broker aborts only after its"
                        + " transaction.timeout.ms; try again then");
            }
            try {
                Thread.sleep(SETTLE_CHECK_MILLIS); // the broker offers no event to await a last stable offset
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("Interrupted while waiting for transactions on " + partitions, e);
            }
        }
    }

    private Map<TopicPartition, Long> offsets(Collection<TopicPartition> partitions, OffsetSpec spec) {
        return offsets(partitions, spec, IsolationLevel.READ_COMMITTED);
    }

    private Map<TopicPartition, Long> offsets(
            Collection<TopicPartition> partitions, OffsetSpec spec, IsolationLevel isolation) {
        Map<TopicPartition, OffsetSpec> request = new HashMap<>();
        partitions.forEach(tp -> request.put(tp, spec));
        Map<TopicPartition, Long> offsets = new TreeMap<>(BY_TOPIC_AND_PARTITION);
        get(admin.listOffsets(request, new ListOffsetsOptions(isolation)).all(), "list offsets")
                .forEach((tp, info) -> offsets.put(tp, info.offset()));
        return offsets;
    }

    /** Deletes these topics and waits until the cluster no longer lists them (deletion is asynchronous). */
    public void deleteTopics(Collection<String> topics) {
        if (topics.isEmpty()) {
            return;
        }
        get(admin.deleteTopics(topics).all(), "delete topics " + topics);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(TIMEOUT_SECONDS);
        while (topics().stream().anyMatch(topics::contains)) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("Topics " + topics + " are still listed on " + bootstrapServers + " "
                        + TIMEOUT_SECONDS + " s after their deletion");
            }
            pause();
        }
    }

    private static void pause() {
        try {
            Thread.sleep(100); // polling the cluster's metadata: there is no event to await
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted", e);
        }
    }

    public <T> T get(KafkaFuture<T> future, String what) {
        try {
            return future.get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
        } catch (ExecutionException | TimeoutException | InterruptedException e) {
            throw failure(what, e);
        }
    }

    private IllegalStateException failure(String what, Exception e) {
        if (e instanceof InterruptedException) {
            Thread.currentThread().interrupt();
        }
        Throwable cause = e instanceof ExecutionException ? e.getCause() : e;
        return new IllegalStateException(
                "Cannot " + what + " on " + bootstrapServers + ": "
                        + (e instanceof TimeoutException
                                ? "no answer within " + TIMEOUT_SECONDS + " s"
                                : cause.getMessage()),
                cause);
    }

    @Override
    public void close() {
        admin.close();
    }
}
