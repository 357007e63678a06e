package eu.clusternews.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.errors.SaslAuthenticationException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The extension points a secured setup needs: broker properties, SCRAM credentials at format time, client properties. */
class ScramBrokerTest {

    private static final String ADMIN_JAAS =
            "org.apache.kafka.common.security.scram.ScramLoginModule required username=\"admin\" password=\"admin-secret\";";

    @Test
    void aBrokerWithScramOnItsClientListenerAcceptsTheFormattedCredentialAndRejectsAWrongPassword(@TempDir Path dataDir)
            throws Exception {
        try (EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.builder(dataDir)
                .port(LoopbackPorts.pickFree())
                .brokerProperty("listener.security.protocol.map", "PLAINTEXT:SASL_PLAINTEXT,CONTROLLER:PLAINTEXT")
                .brokerProperty("sasl.enabled.mechanisms", "SCRAM-SHA-256")
                .brokerProperty("sasl.mechanism.inter.broker.protocol", "SCRAM-SHA-256")
                .brokerProperty("listener.name.plaintext.scram-sha-256.sasl.jaas.config", ADMIN_JAAS)
                .scramCredential("SCRAM-SHA-256=[name=admin,password=admin-secret]")
                .adminClientProperties(clientProperties(ADMIN_JAAS))
                .start()) {

            Map<String, Object> admin = clientProperties(ADMIN_JAAS);
            admin.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers());
            try (Admin client = Admin.create(admin)) {
                client.createTopics(List.of(new NewTopic("secured", 1, (short) 1)))
                        .all()
                        .get(30, TimeUnit.SECONDS);
                // the controller acknowledges the topic before the broker's metadata cache has it: await, do not race
                await().atMost(Duration.ofSeconds(30))
                        .untilAsserted(
                                () -> assertThat(client.listTopics().names().get(10, TimeUnit.SECONDS))
                                        .contains("secured"));
            }

            Map<String, Object> intruder = clientProperties(ADMIN_JAAS.replace("admin-secret", "wrong"));
            intruder.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers());
            try (Admin client = Admin.create(intruder)) {
                assertThatThrownBy(() -> client.listTopics().names().get(10, TimeUnit.SECONDS))
                        .isInstanceOf(ExecutionException.class)
                        .hasCauseInstanceOf(SaslAuthenticationException.class);
            }
        }
    }

    private static Map<String, Object> clientProperties(String jaas) {
        Map<String, Object> properties = new HashMap<>();
        properties.put(AdminClientConfig.SECURITY_PROTOCOL_CONFIG, "SASL_PLAINTEXT");
        properties.put("sasl.mechanism", "SCRAM-SHA-256");
        properties.put("sasl.jaas.config", jaas);
        return properties;
    }
}
