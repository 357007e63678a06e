package eu.clusternews.registry;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import javax.net.ssl.KeyManager;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;

import org.apache.kafka.common.config.ConfigException;

/**
 * The SSLContext for {@code schema.registry.ssl.*}: the JDK's KeyStore, TrustManagerFactory and KeyManagerFactory,
 * loaded from the files Kafka users already have. Messages name keys and paths, never passwords.
 */
final class RegistryTls {

    private RegistryTls() {}

    /** The context to use, or empty for the JDK's default (its cacerts) when no truststore or keystore is given. */
    static Optional<SSLContext> sslContext(Map<String, ?> config) {
        Object algorithm = config.get(SchemaRegistryConfig.SSL_ENDPOINT_IDENTIFICATION_ALGORITHM);
        if (algorithm != null && !algorithm.toString().trim().equalsIgnoreCase("https")) {
            // the JDK's HTTP client always checks the host name; turning that off silently would be worse than refusing
            throw new ConfigException(
                    SchemaRegistryConfig.SSL_ENDPOINT_IDENTIFICATION_ALGORITHM,
                    algorithm,
                    "only https is supported: the registry's certificate must name the host in "
                            + SchemaRegistryConfig.SCHEMA_REGISTRY_URL + " (a subject alternative name)");
        }
        String truststore = SchemaRegistryConfig.string(config, SchemaRegistryConfig.SSL_TRUSTSTORE_LOCATION, null);
        String keystore = SchemaRegistryConfig.string(config, SchemaRegistryConfig.SSL_KEYSTORE_LOCATION, null);
        if (truststore == null && keystore == null) {
            return Optional.empty();
        }
        try {
            TrustManager[] trustManagers = null; // null: the JDK's default trust
            if (truststore != null) {
                String type = SchemaRegistryConfig.string(config, SchemaRegistryConfig.SSL_TRUSTSTORE_TYPE, "JKS");
                KeyStore store = load(
                        SchemaRegistryConfig.SSL_TRUSTSTORE_LOCATION,
                        truststore,
                        type,
                        password(config, SchemaRegistryConfig.SSL_TRUSTSTORE_PASSWORD));
                TrustManagerFactory factory =
                        TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
                factory.init(store);
                trustManagers = factory.getTrustManagers();
            }
            KeyManager[] keyManagers = null;
            if (keystore != null) {
                String type = SchemaRegistryConfig.string(config, SchemaRegistryConfig.SSL_KEYSTORE_TYPE, "JKS");
                if (type.equalsIgnoreCase("PEM")) {
                    throw new ConfigException(
                            SchemaRegistryConfig.SSL_KEYSTORE_TYPE,
                            type,
                            "use a PKCS12 or JKS keystore for the registry client's certificate");
                }
                char[] storePassword = password(config, SchemaRegistryConfig.SSL_KEYSTORE_PASSWORD);
                KeyStore store = load(SchemaRegistryConfig.SSL_KEYSTORE_LOCATION, keystore, type, storePassword);
                char[] keyPassword = password(config, SchemaRegistryConfig.SSL_KEY_PASSWORD);
                KeyManagerFactory factory = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
                factory.init(store, keyPassword != null ? keyPassword : storePassword);
                keyManagers = factory.getKeyManagers();
            }
            SSLContext context = SSLContext.getInstance(
                    SchemaRegistryConfig.string(config, SchemaRegistryConfig.SSL_PROTOCOL, "TLS"));
            context.init(keyManagers, trustManagers, null);
            return Optional.of(context);
        } catch (GeneralSecurityException e) {
            throw new ConfigException(
                    "Cannot set up TLS for the schema registry from schema.registry.ssl.*: " + e.getMessage());
        }
    }

    private static KeyStore load(String key, String location, String type, char[] password) {
        Path path = Path.of(location);
        String upper = type.toUpperCase(Locale.ROOT);
        try (InputStream in = Files.newInputStream(path)) {
            KeyStore store;
            if (upper.equals("PEM")) {
                // a file of CA certificates, as curl's --cacert takes it
                store = KeyStore.getInstance(KeyStore.getDefaultType());
                store.load(null, null);
                int n = 0;
                for (Certificate certificate :
                        CertificateFactory.getInstance("X.509").generateCertificates(in)) {
                    store.setCertificateEntry("ca-" + n++, certificate);
                }
                if (n == 0) {
                    throw new ConfigException(key, location, "no PEM certificate in the file");
                }
            } else {
                store = KeyStore.getInstance(upper);
                store.load(in, password);
            }
            return store;
        } catch (NoSuchFileException e) {
            throw new ConfigException(key, location, "no such file");
        } catch (IOException | GeneralSecurityException e) {
            // wrong password, wrong type or a damaged file; the JDK's message does not contain the password
            throw new ConfigException(
                    key,
                    location,
                    "cannot open it as a " + upper + " store (wrong password, or not a " + upper + " file?): "
                            + e.getMessage());
        }
    }

    private static char[] password(Map<String, ?> config, String key) {
        Object value = config.get(key);
        if (value == null) {
            return null;
        }
        // Kafka's ConfigDef hands passwords over as Password objects, whose toString() hides the value
        String text = value instanceof org.apache.kafka.common.config.types.Password p ? p.value() : value.toString();
        return text.isEmpty() ? null : text.toCharArray();
    }
}
