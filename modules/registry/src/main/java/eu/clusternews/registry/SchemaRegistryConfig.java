package eu.clusternews.registry;

import java.util.Map;
import org.apache.kafka.common.config.ConfigException;

/**
 * Configuration keys, in Confluent's own spelling so a Confluent client configuration works unchanged, and the
 * helpers that read them from a Kafka-style {@code Map<String, ?>}.
 */
public final class SchemaRegistryConfig {

  /** Base URL of the registry, e.g. {@code http://127.0.0.1:8081} or {@code mock://scope} for an in-memory one. */
  public static final String SCHEMA_REGISTRY_URL = "schema.registry.url";
  /** How many times a request is retried after a connection failure or a 5xx answer. */
  public static final String RETRIES = "schema.registry.retries";
  public static final int RETRIES_DEFAULT = 3;
  /** First wait before a retry; it doubles with each retry. */
  public static final String RETRY_BACKOFF_MS = "schema.registry.retry.backoff.ms";
  public static final long RETRY_BACKOFF_MS_DEFAULT = 200;
  /** Timeout of one request. */
  public static final String REQUEST_TIMEOUT_MS = "schema.registry.request.timeout.ms";
  public static final long REQUEST_TIMEOUT_MS_DEFAULT = 10_000;
  /** {@code USER_INFO} (credentials in basic.auth.user.info) or {@code URL} (credentials in the URL's user info). */
  public static final String BASIC_AUTH_CREDENTIALS_SOURCE = "basic.auth.credentials.source";
  /** {@code user:password} for HTTP basic authentication. Never logged. */
  public static final String BASIC_AUTH_USER_INFO = "basic.auth.user.info";

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

  private SchemaRegistryConfig() {
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
      throw new ConfigException("Missing required configuration '" + key + "': set it to the schema registry's URL,"
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
      parsed = value instanceof Number n ? n.longValue() : Long.parseLong(value.toString().trim());
    } catch (NumberFormatException e) {
      throw new ConfigException(key, value, "expected a whole number");
    }
    if (parsed < min) {
      throw new ConfigException(key, value, "must be at least " + min);
    }
    return parsed;
  }
}
