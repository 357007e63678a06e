package eu.clusternews.app.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;

/** Messages about refused access name the principal, never the password. */
class KafkaPrincipalTest {

    @Test
    void namesTheSaslUserAndMechanismButNotThePassword() {
        String described = KafkaPrincipal.describe(Map.of(
                "security.protocol",
                "SASL_SSL",
                "sasl.mechanism",
                "SCRAM-SHA-256",
                "sasl.jaas.config",
                "org.apache.kafka.common.security.scram.ScramLoginModule required username=\"clusternews\""
                        + " password=\"s3cret\";"));

        assertThat(described)
                .isEqualTo("User:clusternews (SASL_SSL, SCRAM-SHA-256)")
                .doesNotContain("s3cret");
    }

    @Test
    void saysPlaintextClientsAreAnonymous() {
        assertThat(KafkaPrincipal.describe(Map.of())).isEqualTo("the PLAINTEXT principal (ANONYMOUS)");
    }
}
