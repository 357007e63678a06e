package eu.clusternews.pipeline.commit;

import java.util.Map;

import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.streams.KafkaClientSupplier;

/**
 * Kafka Streams' clients as its default supplier makes them, with each stream thread's main consumer remembered in
 * {@link StreamThreadLag} so that the thread can ask how far behind its input it is ({@link CaughtUpCommits}). Set as
 * {@code default.client.supplier}; with {@code group.protocol=streams} Streams makes the main consumer itself and
 * this supplier never sees it (commits then follow {@code commit.interval.ms} alone).
 */
public final class LagAwareClientSupplier implements KafkaClientSupplier {

    /** Streams names a stream thread's main consumer {@code <thread id>-consumer} (its {@code ClientUtils}). */
    private static final String MAIN_CONSUMER_SUFFIX = "-consumer";

    @Override
    public Admin getAdmin(Map<String, Object> config) {
        return Admin.create(config);
    }

    @Override
    public Producer<byte[], byte[]> getProducer(Map<String, Object> config) {
        return new KafkaProducer<>(config, new ByteArraySerializer(), new ByteArraySerializer());
    }

    @Override
    public Consumer<byte[], byte[]> getConsumer(Map<String, Object> config) {
        KafkaConsumer<byte[], byte[]> consumer =
                new KafkaConsumer<>(config, new ByteArrayDeserializer(), new ByteArrayDeserializer());
        Object clientId = config.get(CommonClientConfigs.CLIENT_ID_CONFIG);
        if (clientId instanceof String id && id.endsWith(MAIN_CONSUMER_SUFFIX)) {
            StreamThreadLag.register(id.substring(0, id.length() - MAIN_CONSUMER_SUFFIX.length()), consumer);
        }
        return consumer;
    }

    @Override
    public Consumer<byte[], byte[]> getRestoreConsumer(Map<String, Object> config) {
        return new KafkaConsumer<>(config, new ByteArrayDeserializer(), new ByteArrayDeserializer());
    }

    @Override
    public Consumer<byte[], byte[]> getGlobalConsumer(Map<String, Object> config) {
        return new KafkaConsumer<>(config, new ByteArrayDeserializer(), new ByteArrayDeserializer());
    }
}
