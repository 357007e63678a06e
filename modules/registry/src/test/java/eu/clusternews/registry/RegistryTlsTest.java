package eu.clusternews.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLPeerUnverifiedException;
import javax.net.ssl.TrustManagerFactory;

import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsExchange;
import com.sun.net.httpserver.HttpsParameters;
import com.sun.net.httpserver.HttpsServer;
import eu.clusternews.local.testing.TestCertificates;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * schema.registry.ssl.* against the JDK's HTTPS server with a certificate from a private CA made by keytool: the
 * truststore (PKCS12 or PEM) and, for a registry that asks for a client certificate, the keystore. Apicurio itself
 * over HTTPS is {@code RegistryOverHttpsIT}.
 */
class RegistryTlsTest {

    @TempDir
    static Path dir;

    private static TestCertificates certificates;
    private static HttpsServer server;
    /** The client certificate's subject of each request, or "none". */
    private static final CopyOnWriteArrayList<String> clients = new CopyOnWriteArrayList<>();
    /** The Authorization header of each request, or "none". */
    private static final CopyOnWriteArrayList<String> authorizations = new CopyOnWriteArrayList<>();

    private static String url;

    @BeforeAll
    static void startHttpsRegistry() throws Exception {
        certificates = new TestCertificates(dir);
        SSLContext context = serverContext();
        server = HttpsServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setHttpsConfigurator(new HttpsConfigurator(context) {
            @Override
            public void configure(HttpsParameters params) {
                var parameters = context.getDefaultSSLParameters();
                parameters.setWantClientAuth(true); // a client certificate is read when given, not required
                params.setSSLParameters(parameters);
            }
        });
        server.createContext("/", exchange -> {
            String subject;
            try {
                subject = ((HttpsExchange) exchange)
                        .getSSLSession()
                        .getPeerPrincipal()
                        .getName();
            } catch (SSLPeerUnverifiedException e) {
                subject = "none";
            }
            clients.add(subject);
            String authorization = exchange.getRequestHeaders().getFirst("Authorization");
            authorizations.add(authorization == null ? "none" : authorization);
            byte[] body = "[\"over-tls-value\"]".getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", RestSchemaRegistryClient.CONTENT_TYPE);
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
        url = "https://127.0.0.1:" + server.getAddress().getPort();
    }

    @AfterAll
    static void stop() {
        server.stop(0);
    }

    private static SSLContext serverContext() throws Exception {
        KeyStore keystore = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(certificates.serverKeystore)) {
            keystore.load(in, certificates.password.toCharArray());
        }
        KeyManagerFactory keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        keys.init(keystore, certificates.password.toCharArray());
        KeyStore trusted = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(certificates.truststore)) {
            trusted.load(in, certificates.password.toCharArray());
        }
        TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        trust.init(trusted);
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(keys.getKeyManagers(), trust.getTrustManagers(), null);
        return context;
    }

    private static Map<String, Object> config() {
        Map<String, Object> config = new HashMap<>();
        config.put(SchemaRegistryConfig.SCHEMA_REGISTRY_URL, url);
        config.put(SchemaRegistryConfig.MAX_RETRIES, 0);
        return config;
    }

    private static Map<String, Object> trustingPkcs12() {
        return TruststoreSettings.trustingPkcs12(url, 0, certificates);
    }

    @Test
    void trustsTheRegistryThroughAPkcs12Truststore() {
        assertThat(new RestSchemaRegistryClient(trustingPkcs12()).subjects()).containsExactly("over-tls-value");
    }

    @Test
    void trustsTheRegistryThroughTheCaAsAPemFile() {
        Map<String, Object> config = config();
        config.put(SchemaRegistryConfig.SSL_TRUSTSTORE_LOCATION, certificates.caPem.toString());
        config.put(SchemaRegistryConfig.SSL_TRUSTSTORE_TYPE, "PEM");

        assertThat(new RestSchemaRegistryClient(config).subjects()).containsExactly("over-tls-value");
    }

    @Test
    void presentsTheClientCertificateOfTheKeystore() {
        Map<String, Object> config = trustingPkcs12();
        config.put(SchemaRegistryConfig.SSL_KEYSTORE_LOCATION, certificates.clientKeystore.toString());
        config.put(SchemaRegistryConfig.SSL_KEYSTORE_PASSWORD, certificates.password);
        config.put(SchemaRegistryConfig.SSL_KEYSTORE_TYPE, "PKCS12");
        clients.clear();

        new RestSchemaRegistryClient(config).subjects();

        assertThat(clients).containsExactly("CN=clusternews");
    }

    /** The registry half of the README's client.properties for a secured cluster, as a user writes it. */
    @Test
    void aClientPropertiesFileWithHttpsAndBasicAuthWorksAsWritten() throws IOException {
        String clientProperties = """
        schema.registry.url=%s
        basic.auth.credentials.source=USER_INFO
        basic.auth.user.info=clusternews:registry-secret
        schema.registry.ssl.truststore.location=%s
        schema.registry.ssl.truststore.password=%s
        schema.registry.ssl.truststore.type=PKCS12
        """.formatted(url, certificates.truststore, certificates.password);
        java.util.Properties properties = new java.util.Properties();
        properties.load(new java.io.StringReader(clientProperties));
        Map<String, Object> config = new HashMap<>();
        properties.stringPropertyNames().forEach(name -> config.put(name, properties.getProperty(name)));
        authorizations.clear();

        assertThat(new RestSchemaRegistryClient(config).subjects()).containsExactly("over-tls-value");
        assertThat(authorizations).containsExactly("Basic Y2x1c3Rlcm5ld3M6cmVnaXN0cnktc2VjcmV0");
    }

    @Test
    void withoutTheTruststoreTheHandshakeFailsAndTheMessageNamesTheUrlAndTheSetting() {
        RestSchemaRegistryClient untrusting = new RestSchemaRegistryClient(config());

        assertThatThrownBy(untrusting::subjects)
                .isInstanceOf(RegistryUnreachableException.class)
                .hasMessageContaining("No schema registry answers at " + url)
                .hasMessageContaining("not trusted")
                .hasMessageContaining(SchemaRegistryConfig.SSL_TRUSTSTORE_LOCATION);
    }
}
