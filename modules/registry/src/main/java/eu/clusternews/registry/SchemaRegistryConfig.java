package eu.clusternews.registry;

import java.util.Map;

import org.apache.kafka.common.config.ConfigException;

/**
 * Configuration keys, in Confluent's own spelling so a Confluent client configuration works unchanged, and the
 * helpers that read them from a Kafka-style {@code Map<String, ?>}.
 */
public final class SchemaRegistryConfig {

    /**
     * Base URL of the registry, e.g. {@code http://127.0.0.1:8081} or {@code mock://scope} for an in-memory one;
     * several comma-separated URLs of one registry cluster are tried in turn when one does not answer.
     */
    public static final String SCHEMA_REGISTRY_URL = "schema.registry.url";

    // Retries and timeouts, in the Java Confluent client's spelling (no schema.registry. prefix)
    /** How many times a request is retried after an outage (no answer, 5xx, 401/403, ...). */
    public static final String MAX_RETRIES = "max.retries";

    public static final int MAX_RETRIES_DEFAULT = 3;
    /** First wait before a retry; it doubles with each retry, up to {@link #RETRIES_MAX_WAIT_MS}. */
    public static final String RETRIES_WAIT_MS = "retries.wait.ms";

    public static final long RETRIES_WAIT_MS_DEFAULT = 1_000;
    /** Longest wait between two retries. */
    public static final String RETRIES_MAX_WAIT_MS = "retries.max.wait.ms";

    public static final long RETRIES_MAX_WAIT_MS_DEFAULT = 20_000;
    /** How long to wait for a TCP (and TLS) connection to the registry. */
    public static final String HTTP_CONNECT_TIMEOUT_MS = "http.connect.timeout.ms";

    public static final long HTTP_CONNECT_TIMEOUT_MS_DEFAULT = 10_000;
    /** How long to wait for the answer to one request. */
    public static final String HTTP_READ_TIMEOUT_MS = "http.read.timeout.ms";

    public static final long HTTP_READ_TIMEOUT_MS_DEFAULT = 30_000;

    /** {@code USER_INFO} (credentials in basic.auth.user.info) or {@code URL} (credentials in the URL's user info). */
    public static final String BASIC_AUTH_CREDENTIALS_SOURCE = "basic.auth.credentials.source";
    /** {@code user:password} for HTTP basic authentication. Never logged. */
    public static final String BASIC_AUTH_USER_INFO = "basic.auth.user.info";
    /** The older spelling of {@link #BASIC_AUTH_USER_INFO}, still read by Confluent's client. */
    public static final String SCHEMA_REGISTRY_BASIC_AUTH_USER_INFO = "schema.registry.basic.auth.user.info";
    /** {@code STATIC_TOKEN}: send {@link #BEARER_AUTH_TOKEN} as {@code Authorization: Bearer ...}. */
    public static final String BEARER_AUTH_CREDENTIALS_SOURCE = "bearer.auth.credentials.source";
    /** The bearer token. Never logged. */
    public static final String BEARER_AUTH_TOKEN = "bearer.auth.token";
    /** Confluent Cloud: the registry's logical cluster id, sent as the {@code target-sr-cluster} header. */
    public static final String BEARER_AUTH_LOGICAL_CLUSTER = "bearer.auth.logical.cluster";
    /** Confluent Cloud: the identity pool id, sent as the {@code Confluent-Identity-Pool-Id} header. */
    public static final String BEARER_AUTH_IDENTITY_POOL_ID = "bearer.auth.identity.pool.id";

    // TLS: Kafka's ssl.* client keys under the schema.registry. prefix, as Confluent's client reads them
    public static final String SSL_TRUSTSTORE_LOCATION = "schema.registry.ssl.truststore.location";
    public static final String SSL_TRUSTSTORE_PASSWORD = "schema.registry.ssl.truststore.password";
    /** JKS (default, reads PKCS12 too), PKCS12, or PEM (a file of CA certificates). */
    public static final String SSL_TRUSTSTORE_TYPE = "schema.registry.ssl.truststore.type";
    /** A client certificate for mutual TLS. */
    public static final String SSL_KEYSTORE_LOCATION = "schema.registry.ssl.keystore.location";

    public static final String SSL_KEYSTORE_PASSWORD = "schema.registry.ssl.keystore.password";
    /** JKS (default, reads PKCS12 too) or PKCS12. */
    public static final String SSL_KEYSTORE_TYPE = "schema.registry.ssl.keystore.type";
    /** The password of the private key in the keystore, when it differs from the keystore's. */
    public static final String SSL_KEY_PASSWORD = "schema.registry.ssl.key.password";
    /** The SSLContext protocol (default TLS: the newest both sides speak). */
    public static final String SSL_PROTOCOL = "schema.registry.ssl.protocol";
    /** Only {@code https} (the default): the host name is always checked. */
    public static final String SSL_ENDPOINT_IDENTIFICATION_ALGORITHM =
            "schema.registry.ssl.endpoint.identification.algorithm";

    /**
     * Every registry-client key the REST client reads. Any other key under schema.registry., basic.auth. or
     * bearer.auth. is named once in a warning (Confluent has more of them: OAuth client credentials, proxies, ...).
     */
    public static final java.util.Set<String> CLIENT_KEYS = java.util.Set.of(
            SCHEMA_REGISTRY_URL,
            MAX_RETRIES,
            RETRIES_WAIT_MS,
            RETRIES_MAX_WAIT_MS,
            HTTP_CONNECT_TIMEOUT_MS,
            HTTP_READ_TIMEOUT_MS,
            BASIC_AUTH_CREDENTIALS_SOURCE,
            BASIC_AUTH_USER_INFO,
            SCHEMA_REGISTRY_BASIC_AUTH_USER_INFO,
            BEARER_AUTH_CREDENTIALS_SOURCE,
            BEARER_AUTH_TOKEN,
            BEARER_AUTH_LOGICAL_CLUSTER,
            BEARER_AUTH_IDENTITY_POOL_ID,
            SSL_TRUSTSTORE_LOCATION,
            SSL_TRUSTSTORE_PASSWORD,
            SSL_TRUSTSTORE_TYPE,
            SSL_KEYSTORE_LOCATION,
            SSL_KEYSTORE_PASSWORD,
            SSL_KEYSTORE_TYPE,
            SSL_KEY_PASSWORD,
            SSL_PROTOCOL,
            SSL_ENDPOINT_IDENTIFICATION_ALGORITHM);

    /** The prefixes of registry-client keys, for the warning about keys the client does not know. */
    public static final java.util.List<String> CLIENT_KEY_PREFIXES =
            java.util.List.of("schema.registry.", "basic.auth.", "bearer.auth.");

    /** Register the writer's schema when it is not registered yet (default true). */
    public static final String AUTO_REGISTER_SCHEMAS = "auto.register.schemas";
    /** Write with the latest version registered under the subject instead of the record's own schema. */
    public static final String USE_LATEST_VERSION = "use.latest.version";

    public static final String KEY_SUBJECT_NAME_STRATEGY = "key.subject.name.strategy";
    public static final String VALUE_SUBJECT_NAME_STRATEGY = "value.subject.name.strategy";
    /** Strip {@code avro.java.string} from schemas before registering them (default true). */
    public static final String AVRO_REMOVE_JAVA_PROPS = "avro.remove.java.properties";

    /** The URL scheme of in-memory registries shared per scope. */
    public static final String MOCK_SCHEME = "mock://";

    private SchemaRegistryConfig() {}

    /** Whether the value of this key is a secret that must never be logged (passwords, user info, tokens). */
    public static boolean isSecret(String key) {
        String lower = key.toLowerCase(java.util.Locale.ROOT);
        return lower.contains("password")
                || lower.contains("user.info")
                || lower.contains("token")
                || lower.contains("secret")
                || lower.contains("jaas")
                || lower.contains("credentials");
    }

    /**
     * The URL(s) with any {@code user:password@} replaced by {@code ***@}: a registry URL can carry credentials
     * ({@code basic.auth.credentials.source=URL}), and settings are logged.
     */
    public static String redactUrl(String url) {
        return url == null ? null : url.replaceAll("(?<=//)[^/@,\\s]*@", "***@");
    }

    /**
     * The value of a setting as it may be logged: {@code [hidden]} for a secret, a registry URL without its
     * credentials, anything else as it is. The one rule for every place that prints settings.
     */
    public static String printable(String key, String value) {
        if (isSecret(key)) {
            return "[hidden]";
        }
        return SCHEMA_REGISTRY_URL.equals(key) ? redactUrl(value) : value;
    }

    static String string(Map<String, ?> config, String key, String defaultValue) {
        Object value = config.get(key);
        if (value == null) {
            return defaultValue;
        }
        if (value instanceof Class<?> type) {
            return type.getName();
        }
        String text = value.toString().trim();
        return text.isEmpty() ? defaultValue : text;
    }

    static String requiredString(Map<String, ?> config, String key) {
        String value = string(config, key, null);
        if (value == null) {
            throw new ConfigException(
                    "Missing required configuration '" + key + "': set it to the schema registry's URL,"
                            + " e.g. http://127.0.0.1:8081, or mock://<scope> for an in-memory registry in tests.");
        }
        return value;
    }

    static boolean bool(Map<String, ?> config, String key, boolean defaultValue) {
        Object value = config.get(key);
        if (value == null) {
            return defaultValue;
        }
        if (value instanceof Boolean b) {
            return b;
        }
        String text = value.toString().trim().toLowerCase(java.util.Locale.ROOT);
        return switch (text) {
            case "true" -> true;
            case "false" -> false;
            case "" -> defaultValue;
            default -> throw new ConfigException(key, value, "expected true or false");
        };
    }

    static long number(Map<String, ?> config, String key, long defaultValue, long min) {
        Object value = config.get(key);
        if (value == null || value.toString().isBlank()) {
            return defaultValue;
        }
        long parsed;
        try {
            parsed = value instanceof Number n
                    ? n.longValue()
                    : Long.parseLong(value.toString().trim());
        } catch (NumberFormatException e) {
            throw new ConfigException(key, value, "expected a whole number");
        }
        if (parsed < min) {
            throw new ConfigException(key, value, "must be at least " + min);
        }
        return parsed;
    }
}
