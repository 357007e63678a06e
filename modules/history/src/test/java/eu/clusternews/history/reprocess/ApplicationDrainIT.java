package eu.clusternews.history.reprocess;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import eu.clusternews.history.HistoryAdmin;
import eu.clusternews.history.HistoryClients;
import eu.clusternews.history.TestKafka;
import eu.clusternews.local.testing.TestTopics;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;

/**
 * {@link ApplicationDrain} on a real broker: an application's group that has consumed its input is not drained while
 * its repartition topic holds records a read_committed reader cannot see yet, the way the partials of a rebuild's
 * last commit look until the broker has written their transaction's markers.
 */
class ApplicationDrainIT {

    @Test
    void aRepartitionTopicWhoseRecordsAreInATransactionNotYetMarkedIsNotDrainedUntilTheGroupHasReadThem() {
        String bootstrap = TestKafka.stack().bootstrapServers();
        String applicationId = "drain-it-" + UUID.randomUUID();
        String input = TestTopics.create(bootstrap, "drain-input", 1, Map.of());
        String repartition = applicationId + "-partials-repartition";
        TopicPartition in = new TopicPartition(input, 0);
        TopicPartition partials = new TopicPartition(repartition, 0);
        try (HistoryAdmin admin = new HistoryAdmin(TestKafka.clientConfig());
                KafkaProducer<byte[], byte[]> producer = HistoryClients.transactionalProducer(
                        TestKafka.clientConfig(), "drain-it-" + UUID.randomUUID())) {
            admin.get(
                    admin.admin()
                            .createTopics(List.of(new NewTopic(repartition, 1, (short) 1)))
                            .all(),
                    "create " + repartition);
            producer.beginTransaction();
            producer.send(new ProducerRecord<>(input, bytes("news"), bytes("news")));
            producer.commitTransaction();
            Map<TopicPartition, Long> inputEnd = admin.settledEnd(List.of(in), Duration.ofSeconds(30));
            ApplicationGroup group = new ApplicationGroup(admin, applicationId);
            // the upstream task has consumed its input and written its partials, whose markers are not written yet
            group.commit(inputEnd);
            producer.beginTransaction();
            producer.send(new ProducerRecord<>(repartition, bytes("org:a"), bytes("partial a")));
            producer.send(new ProducerRecord<>(repartition, bytes("org:b"), bytes("partial b")));
            producer.flush();
            ApplicationDrain drain = new ApplicationDrain(TestKafka.clientConfig(), admin, applicationId);

            assertThatThrownBy(() -> drain.await(inputEnd, () -> null, Duration.ofSeconds(1)))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("has not consumed its input");

            producer.commitTransaction();
            assertThatThrownBy(() -> drain.await(inputEnd, () -> null, Duration.ofSeconds(1)))
                    .as("marked, but the aggregate task has not read them")
                    .isInstanceOf(IllegalStateException.class);

            // the aggregate task read both partials: its committed offset stops short of the commit marker
            group.commit(Map.of(partials, 2L));
            assertThatCode(() -> drain.await(inputEnd, () -> null, Duration.ofSeconds(30)))
                    .doesNotThrowAnyException();
        }
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
