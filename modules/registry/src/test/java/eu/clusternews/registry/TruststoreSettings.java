package eu.clusternews.registry;

import java.util.HashMap;
import java.util.Map;

import eu.clusternews.local.testing.TestCertificates;

/** Client settings for a registry served over HTTPS with a test's certificates. */
final class TruststoreSettings {

    private TruststoreSettings() {}

    /** A client of {@code url} that trusts the test CA through its PKCS12 truststore; mutable, for a test's own keys. */
    static Map<String, Object> trustingPkcs12(String url, int maxRetries, TestCertificates certificates) {
        Map<String, Object> config = new HashMap<>();
        config.put(SchemaRegistryConfig.SCHEMA_REGISTRY_URL, url);
        config.put(SchemaRegistryConfig.MAX_RETRIES, maxRetries);
        config.put(SchemaRegistryConfig.SSL_TRUSTSTORE_LOCATION, certificates.truststore.toString());
        config.put(SchemaRegistryConfig.SSL_TRUSTSTORE_PASSWORD, certificates.password);
        config.put(SchemaRegistryConfig.SSL_TRUSTSTORE_TYPE, "PKCS12");
        return config;
    }
}
