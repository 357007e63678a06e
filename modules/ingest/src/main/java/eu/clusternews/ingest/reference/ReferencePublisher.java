package eu.clusternews.ingest.reference;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;

import eu.clusternews.topics.ClientConfigs;
import eu.clusternews.topics.ClusterNewsTopics;
import eu.clusternews.topics.SetupException;
import eu.clusternews.topics.Topic;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;

/**
 * Publishes the reference data (organisations, consortia with their members, programmes) to the compacted
 * reference topics, keyed by reference id. Publishing the same data again leaves the compacted topics with the
 * same latest value per id.
 */
public final class ReferencePublisher {

    /** Records published per topic. */
    public record Outcome(int organisations, int consortia, int programmes) {}

    private final Map<String, Object> clientConfig;
    private final ClusterNewsTopics topics;

    public ReferencePublisher(Map<String, Object> clientConfig, ClusterNewsTopics topics) {
        this.clientConfig = clientConfig;
        this.topics = topics;
    }

    public Outcome publish(ReferenceData reference) {
        int organisations = publish(topics.organisations(), reference.organisations(), o -> o.getId());
        int consortia = publish(topics.consortia(), reference.consortia(), c -> c.getId());
        int programmes = publish(topics.programmes(), reference.programmes(), p -> p.getId());
        return new Outcome(organisations, consortia, programmes);
    }

    private <V extends SpecificRecord> int publish(Topic<String, V> topic, List<V> records, Function<V, String> id) {
        Map<String, Object> config = ClientConfigs.producer(clientConfig);
        config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.CLIENT_ID_CONFIG, "clusternews-setup-" + topic.name());
        try (KafkaProducer<String, V> producer =
                new KafkaProducer<>(config, topic.keySerializer(), topic.valueSerializer())) {
            List<Future<?>> sent = new ArrayList<>();
            for (V record : records) {
                sent.add(producer.send(new ProducerRecord<>(topic.name(), id.apply(record), record)));
            }
            producer.flush();
            for (Future<?> future : sent) {
                future.get(30, TimeUnit.SECONDS);
            }
            return records.size();
        } catch (ExecutionException e) {
            throw new SetupException(
                    "Could not publish to " + topic.name() + ": " + e.getCause().getMessage(), e);
        } catch (TimeoutException e) {
            throw new SetupException("Kafka did not acknowledge the records for " + topic.name() + " within 30 s.", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SetupException("Interrupted while publishing to " + topic.name() + ".", e);
        }
    }
}
