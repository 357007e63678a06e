package eu.clusternews.topics;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.KafkaFuture;
import org.apache.kafka.common.errors.TopicExistsException;

/**
 * Creates the topics of the catalogue that do not exist yet; existing topics are left as they are (their partition
 * count is the cluster's business), so running it again changes nothing. What {@code clusternews setup} does, and
 * what benchmarks and tests use instead of creating the topics by hand.
 */
public final class TopicProvisioner {

    /** What one run did. */
    public record Outcome(List<String> created, List<String> existing) {}

    private final Admin admin;

    public TopicProvisioner(Admin admin) {
        this.admin = admin;
    }

    public Outcome ensureTopics(Integer dataPartitions, short replicationFactor) {
        try {
            Set<String> present = admin.listTopics().names().get(30, TimeUnit.SECONDS);
            List<String> created = new ArrayList<>();
            List<String> existing = new ArrayList<>();
            List<NewTopic> missing = new ArrayList<>();
            for (NewTopic topic : TopicSpec.newTopics(dataPartitions, replicationFactor)) {
                if (present.contains(topic.name())) {
                    existing.add(topic.name());
                } else {
                    missing.add(topic);
                }
            }
            for (Map.Entry<String, KafkaFuture<Void>> result :
                    admin.createTopics(missing).values().entrySet()) {
                try {
                    result.getValue().get(30, TimeUnit.SECONDS);
                    created.add(result.getKey());
                } catch (ExecutionException e) {
                    // another instance created it between our listing and our request: fine
                    if (!(e.getCause() instanceof TopicExistsException)) {
                        throw new SetupException(
                                "Could not create topic " + result.getKey() + ": "
                                        + e.getCause().getMessage(),
                                e);
                    }
                    existing.add(result.getKey());
                }
            }
            return new Outcome(List.copyOf(created), List.copyOf(existing));
        } catch (ExecutionException e) {
            throw new SetupException(
                    "Could not list the topics of the Kafka cluster: "
                            + e.getCause().getMessage(),
                    e);
        } catch (TimeoutException e) {
            throw new SetupException("The Kafka cluster did not answer within 30 s while listing topics.", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SetupException("Interrupted while creating topics.", e);
        }
    }
}
