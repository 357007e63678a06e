package eu.clusternews.topics;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;

import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;

/**
 * One Kafka client's share of the resolved settings (which also hold Streams, registry and serde keys): the keys
 * that client knows, and every {@code ssl.*} and {@code sasl.*} key (the security settings, some of which, like
 * {@code sasl.login.*} callbacks' own keys, no config class lists). Keeps the clients' "supplied but unknown"
 * warnings out of the log. Each result is a fresh map for the caller to add its own settings to.
 */
public final class ClientConfigs {

    private ClientConfigs() {}

    /** For {@code Admin.create}. */
    public static Map<String, Object> admin(Map<String, ?> settings) {
        return only(AdminClientConfig.configNames(), settings);
    }

    /** For {@code new KafkaProducer}. */
    public static Map<String, Object> producer(Map<String, ?> settings) {
        return only(ProducerConfig.configNames(), settings);
    }

    /** For {@code new KafkaConsumer}. */
    public static Map<String, Object> consumer(Map<String, ?> settings) {
        return only(ConsumerConfig.configNames(), settings);
    }

    private static Map<String, Object> only(Set<String> known, Map<String, ?> settings) {
        Map<String, Object> config = new HashMap<>();
        settings.forEach((key, value) -> {
            if (value != null && (known.contains(key) || key.startsWith("ssl.") || key.startsWith("sasl."))) {
                config.put(key, value);
            }
        });
        return config;
    }
}
