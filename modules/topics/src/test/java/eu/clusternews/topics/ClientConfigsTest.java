package eu.clusternews.topics;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;

class ClientConfigsTest {

    private static final Map<String, Object> SETTINGS = Map.of(
            "bootstrap.servers", "k:9092",
            "security.protocol", "SASL_SSL",
            "sasl.jaas.config", "secret",
            "ssl.truststore.location", "/tmp/t.jks",
            "schema.registry.url", "http://r:8081",
            "processing.guarantee", "exactly_once_v2",
            "linger.ms", "5",
            "isolation.level", "read_committed");

    @Test
    void eachClientGetsTheKeysItKnowsAndEverySecuritySetting() {
        assertThat(ClientConfigs.admin(SETTINGS))
                .containsOnlyKeys(
                        "bootstrap.servers", "security.protocol", "sasl.jaas.config", "ssl.truststore.location");
        assertThat(ClientConfigs.producer(SETTINGS))
                .containsOnlyKeys(
                        "bootstrap.servers",
                        "security.protocol",
                        "sasl.jaas.config",
                        "ssl.truststore.location",
                        "linger.ms");
        assertThat(ClientConfigs.consumer(SETTINGS))
                .containsOnlyKeys(
                        "bootstrap.servers",
                        "security.protocol",
                        "sasl.jaas.config",
                        "ssl.truststore.location",
                        "isolation.level");
    }

    @Test
    void theResultIsTheCallersToExtend() {
        Map<String, Object> config = ClientConfigs.admin(SETTINGS);
        config.put("client.id", "mine");

        assertThat(config).containsEntry("client.id", "mine");
        assertThat(SETTINGS).doesNotContainKey("client.id");
    }
}
