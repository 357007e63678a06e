package eu.clusternews.registry;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import org.apache.avro.Schema;
import org.apache.avro.SchemaParseException;
import org.apache.kafka.common.config.ConfigException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A client of the Confluent Schema Registry REST API (Confluent's registry, Apicurio's {@code /apis/ccompat/v7},
 * Karapace, ...), on the JDK's HTTP client.
 *
 * <p>Schemas are cached by id forever (an id never changes meaning), and ids by (subject, schema), keyed by the
 * {@link Schema} object, so a serializer asks the registry once per schema. Connection failures and 5xx answers are
 * retried with exponential backoff; 4xx answers are final and become the specific {@link SchemaRegistryException}
 * subclasses.
 */
public final class RestSchemaRegistryClient implements SchemaRegistryClient {

  /** The media type of the Confluent API. */
  public static final String CONTENT_TYPE = "application/vnd.schemaregistry.v1+json";

  private static final Logger LOG = LoggerFactory.getLogger(RestSchemaRegistryClient.class);
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final int ERROR_SUBJECT_NOT_FOUND = 40401;
  private static final int ERROR_VERSION_NOT_FOUND = 40402;
  private static final long MAX_BACKOFF_MS = 10_000;

  private final String baseUrl;
  private final HttpClient http;
  private final int retries;
  private final long backoffMs;
  private final Duration requestTimeout;
  private final String authorization;
  private final ConcurrentMap<Integer, Schema> schemasById = new ConcurrentHashMap<>();
  private final ConcurrentMap<SubjectSchema, Integer> idsBySubjectSchema = new ConcurrentHashMap<>();

  private record SubjectSchema(String subject, Schema schema) {
  }

  /** A client of the registry at this URL with default settings. */
  public RestSchemaRegistryClient(String url) {
    this(Map.of(SchemaRegistryConfig.SCHEMA_REGISTRY_URL, url));
  }

  /**
   * A client configured with Confluent's keys: {@code schema.registry.url}, {@code schema.registry.retries},
   * {@code schema.registry.retry.backoff.ms}, {@code schema.registry.request.timeout.ms},
   * {@code basic.auth.credentials.source}, {@code basic.auth.user.info}.
   */
  public RestSchemaRegistryClient(Map<String, ?> config) {
    URI uri = parseUrl(SchemaRegistryConfig.requiredString(config, SchemaRegistryConfig.SCHEMA_REGISTRY_URL));
    this.baseUrl = withoutUserInfo(uri);
    this.retries = (int) SchemaRegistryConfig.number(config, SchemaRegistryConfig.RETRIES,
        SchemaRegistryConfig.RETRIES_DEFAULT, 0);
    this.backoffMs = SchemaRegistryConfig.number(config, SchemaRegistryConfig.RETRY_BACKOFF_MS,
        SchemaRegistryConfig.RETRY_BACKOFF_MS_DEFAULT, 0);
    this.requestTimeout = Duration.ofMillis(SchemaRegistryConfig.number(config,
        SchemaRegistryConfig.REQUEST_TIMEOUT_MS, SchemaRegistryConfig.REQUEST_TIMEOUT_MS_DEFAULT, 1));
    this.authorization = basicAuthorization(config, uri);
    // HTTP/1.1: registries behind plain http do not all cope with the h2c upgrade the JDK client tries by default
    this.http = HttpClient.newBuilder()
        .version(HttpClient.Version.HTTP_1_1)
        .connectTimeout(requestTimeout.compareTo(Duration.ofSeconds(5)) < 0 ? requestTimeout : Duration.ofSeconds(5))
        .build();
  }

  @Override
  public String url() {
    return baseUrl;
  }

  @Override
  public String toString() {
    return "RestSchemaRegistryClient[" + baseUrl + (authorization == null ? "" : ", basic auth") + "]";
  }

  @Override
  public int register(String subject, Schema schema) {
    SubjectSchema key = new SubjectSchema(subject, schema);
    Integer cached = idsBySubjectSchema.get(key);
    if (cached != null) {
      return cached;
    }
    JsonNode answer = send("POST", "/subjects/" + encode(subject) + "/versions", schemaBody(schema),
        error -> switch (error.status) {
          case 409 -> new IncompatibleSchemaException(subject, baseUrl, SchemaFieldPaths.named(schema, error.messages()));
          case 422 -> new InvalidSchemaException(subject, baseUrl, error.message);
          case 404 -> new SubjectNotFoundException(subject, baseUrl);
          default -> null;
        });
    int id = requiredInt(answer, "id");
    idsBySubjectSchema.put(key, id);
    schemasById.putIfAbsent(id, schema);
    return id;
  }

  @Override
  public int getId(String subject, Schema schema) {
    SubjectSchema key = new SubjectSchema(subject, schema);
    Integer cached = idsBySubjectSchema.get(key);
    if (cached != null) {
      return cached;
    }
    JsonNode answer = send("POST", "/subjects/" + encode(subject), schemaBody(schema),
        error -> switch (error.status) {
          case 404 -> error.code == ERROR_SUBJECT_NOT_FOUND
              ? new SubjectNotFoundException(subject, baseUrl)
              : new SchemaNotRegisteredException(subject, baseUrl);
          case 422 -> new InvalidSchemaException(subject, baseUrl, error.message);
          default -> null;
        });
    int id = requiredInt(answer, "id");
    idsBySubjectSchema.put(key, id);
    schemasById.putIfAbsent(id, schema);
    return id;
  }

  @Override
  public Schema getById(int id) {
    Schema cached = schemasById.get(id);
    if (cached != null) {
      return cached;
    }
    JsonNode answer = send("GET", "/schemas/ids/" + id, null,
        error -> error.status == 404 ? new UnknownSchemaIdException(id, baseUrl) : null);
    Schema schema = parseSchema(answer, "schema id " + id);
    Schema previous = schemasById.putIfAbsent(id, schema);
    return previous != null ? previous : schema;
  }

  @Override
  public RegisteredSchema getLatest(String subject) {
    JsonNode answer = send("GET", "/subjects/" + encode(subject) + "/versions/latest", null,
        error -> error.status == 404 ? new SubjectNotFoundException(subject, baseUrl) : null);
    int id = requiredInt(answer, "id");
    Schema schema = schemasById.computeIfAbsent(id, ignored -> parseSchema(answer, "subject " + subject));
    return new RegisteredSchema(subject, id, requiredInt(answer, "version"), schema);
  }

  @Override
  public CompatibilityResult testCompatibility(String subject, Schema schema) {
    JsonNode answer;
    try {
      answer = send("POST", "/compatibility/subjects/" + encode(subject) + "/versions/latest?verbose=true",
          schemaBody(schema), error -> switch (error.status) {
            case 404 -> new SubjectNotFoundException(subject, baseUrl);
            case 422 -> new InvalidSchemaException(subject, baseUrl, error.message);
            default -> null;
          });
    } catch (SubjectNotFoundException e) {
      return CompatibilityResult.ok(); // nothing registered yet: the first version is always accepted
    }
    List<String> messages = new ArrayList<>();
    answer.path("messages").forEach(message -> messages.add(message.asText()));
    return new CompatibilityResult(answer.path("is_compatible").asBoolean(false), messages);
  }

  @Override
  public String getCompatibility(String subjectOrNullForGlobal) {
    if (subjectOrNullForGlobal != null) {
      try {
        JsonNode answer = send("GET", "/config/" + encode(subjectOrNullForGlobal) + "?defaultToGlobal=true", null,
            error -> error.status == 404 ? new SubjectNotFoundException(subjectOrNullForGlobal, baseUrl) : null);
        return compatibilityLevel(answer);
      } catch (SubjectNotFoundException e) {
        // no level of its own: the subject follows the global level
      }
    }
    return compatibilityLevel(send("GET", "/config", null, error -> null));
  }

  @Override
  public void setCompatibility(String subjectOrNullForGlobal, String level) {
    Objects.requireNonNull(level, "level");
    String path = subjectOrNullForGlobal == null ? "/config" : "/config/" + encode(subjectOrNullForGlobal);
    String subject = subjectOrNullForGlobal == null ? "(global)" : subjectOrNullForGlobal;
    send("PUT", path, Map.of("compatibility", level.toUpperCase(Locale.ROOT)),
        error -> error.status == 422 ? new InvalidSchemaException(subject, baseUrl,
            error.message + " (levels: NONE, BACKWARD, BACKWARD_TRANSITIVE, FORWARD, FORWARD_TRANSITIVE, FULL,"
                + " FULL_TRANSITIVE)") : null);
  }

  @Override
  public List<String> subjects() {
    JsonNode answer = send("GET", "/subjects", null, error -> null);
    List<String> subjects = new ArrayList<>();
    answer.forEach(subject -> subjects.add(subject.asText()));
    subjects.sort(null);
    return subjects;
  }

  // --- HTTP ---------------------------------------------------------------------------------------------------------

  /** An error answer of the registry: HTTP status, Confluent error code (or -1) and message. */
  private record ErrorAnswer(int status, int code, String message) {
    List<String> messages() {
      return message == null || message.isBlank() ? List.of() : List.of(message);
    }
  }

  @FunctionalInterface
  private interface ErrorMapper {
    /** The exception for this error answer, or null for the generic one. */
    SchemaRegistryException map(ErrorAnswer error);
  }

  private JsonNode send(String method, String pathAndQuery, Object body, ErrorMapper errors) {
    HttpRequest request = request(method, pathAndQuery, body);
    String what = method + " " + pathAndQuery;
    for (int attempt = 1; ; attempt++) {
      HttpResponse<String> response;
      try {
        response = http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
      } catch (IOException e) {
        if (attempt > retries) {
          throw new RegistryUnreachableException(baseUrl, attempt, e);
        }
        LOG.warn("No answer from the schema registry at {} to {} ({}); retry {} of {} in {} ms", baseUrl, what,
            e.getClass().getSimpleName(), attempt, retries, backoff(attempt));
        pause(attempt);
        continue;
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new SchemaRegistryException("Interrupted while waiting for the schema registry at " + baseUrl, e);
      }
      int status = response.statusCode();
      if (status >= 500 && attempt <= retries) {
        LOG.warn("The schema registry at {} answered {} to {}; retry {} of {} in {} ms", baseUrl, status, what,
            attempt, retries, backoff(attempt));
        pause(attempt);
        continue;
      }
      if (status >= 200 && status < 300) {
        return readJson(response.body(), what);
      }
      ErrorAnswer error = errorAnswer(status, response.body());
      SchemaRegistryException specific = status < 500 ? errors.map(error) : null;
      throw specific != null ? specific : generic(error, what, attempt);
    }
  }

  private SchemaRegistryException generic(ErrorAnswer error, String what, int attempts) {
    String message = "The schema registry at " + baseUrl + " answered " + error.status + " to " + what
        + (error.message == null ? "" : ": " + error.message);
    if (error.status == 401 || error.status == 403) {
      message += ". Check the credentials in basic.auth.user.info.";
    } else if (error.status >= 500) {
      message += " (after " + attempts + (attempts == 1 ? " attempt)" : " attempts)");
    }
    return new SchemaRegistryException(message, error.status, null);
  }

  private HttpRequest request(String method, String pathAndQuery, Object body) {
    HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(baseUrl + pathAndQuery))
        .timeout(requestTimeout)
        .header("Accept", CONTENT_TYPE + ", application/json");
    if (authorization != null) {
      builder.header("Authorization", authorization);
    }
    if (body == null) {
      builder.method(method, HttpRequest.BodyPublishers.noBody());
    } else {
      builder.header("Content-Type", CONTENT_TYPE);
      builder.method(method, HttpRequest.BodyPublishers.ofString(writeJson(body), StandardCharsets.UTF_8));
    }
    return builder.build();
  }

  private void pause(int attempt) {
    try {
      Thread.sleep(backoff(attempt));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new SchemaRegistryException("Interrupted while waiting to retry the schema registry at " + baseUrl, e);
    }
  }

  private long backoff(int attempt) {
    return Math.min(MAX_BACKOFF_MS, backoffMs << Math.min(attempt - 1, 20));
  }

  // --- JSON -----------------------------------------------------------------------------------------------------------

  private static Map<String, String> schemaBody(Schema schema) {
    return Map.of("schema", AvroSchemas.canonical(schema));
  }

  private static String writeJson(Object body) {
    try {
      return JSON.writeValueAsString(body);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  private JsonNode readJson(String body, String what) {
    try {
      return JSON.readTree(body == null || body.isBlank() ? "{}" : body);
    } catch (JsonProcessingException e) {
      throw new SchemaRegistryException("The schema registry at " + baseUrl + " answered " + what
          + " with something that is not JSON: " + abbreviate(body) + ". Is " + baseUrl
          + " really a Confluent-compatible registry API (for Apicurio: .../apis/ccompat/v7)?", e);
    }
  }

  private static ErrorAnswer errorAnswer(int status, String body) {
    try {
      JsonNode json = JSON.readTree(body == null || body.isBlank() ? "{}" : body);
      if (json.isObject()) {
        String message = json.hasNonNull("message") ? json.get("message").asText() : abbreviate(body);
        return new ErrorAnswer(status, json.path("error_code").asInt(-1), message);
      }
    } catch (JsonProcessingException e) {
      // not JSON (a proxy's HTML page, say): keep the raw text
    }
    return new ErrorAnswer(status, -1, abbreviate(body));
  }

  private int requiredInt(JsonNode answer, String field) {
    JsonNode value = answer.get(field);
    if (value == null || !value.canConvertToInt()) {
      throw new SchemaRegistryException("The schema registry at " + baseUrl + " answered without '" + field
          + "': " + abbreviate(answer.toString()));
    }
    return value.asInt();
  }

  private Schema parseSchema(JsonNode answer, String what) {
    String type = answer.path("schemaType").asText("AVRO");
    if (!type.equalsIgnoreCase("AVRO")) {
      throw new SchemaRegistryException("The registry at " + baseUrl + " holds a " + type + " schema for " + what
          + "; clusternews reads Avro only.");
    }
    JsonNode text = answer.get("schema");
    if (text == null || !text.isTextual()) {
      throw new SchemaRegistryException("The schema registry at " + baseUrl + " answered without a schema for "
          + what + ": " + abbreviate(answer.toString()));
    }
    try {
      return AvroSchemas.parse(text.asText());
    } catch (SchemaParseException e) {
      throw new SchemaRegistryException("The registry at " + baseUrl + " returned an unreadable schema for " + what
          + ": " + e.getMessage(), e);
    }
  }

  private String compatibilityLevel(JsonNode answer) {
    // Confluent answers {"compatibilityLevel": ...} to GET and {"compatibility": ...} to PUT; accept either
    String level = answer.path("compatibilityLevel").asText(answer.path("compatibility").asText(null));
    if (level == null) {
      throw new SchemaRegistryException("The schema registry at " + baseUrl + " answered without a compatibility"
          + " level: " + abbreviate(answer.toString()));
    }
    return level;
  }

  private static String abbreviate(String text) {
    if (text == null) {
      return "(empty)";
    }
    String oneLine = text.strip().replaceAll("\\s+", " ");
    return oneLine.length() <= 300 ? oneLine : oneLine.substring(0, 300) + "...";
  }

  private static String encode(String subject) {
    return URLEncoder.encode(subject, StandardCharsets.UTF_8).replace("+", "%20");
  }

  // --- configuration ------------------------------------------------------------------------------------------------

  private static URI parseUrl(String url) {
    if (url.contains(",")) {
      throw new ConfigException(SchemaRegistryConfig.SCHEMA_REGISTRY_URL, url,
          "give one registry URL (several URLs for failover are not supported)");
    }
    try {
      URI uri = new URI(url);
      String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
      if (!scheme.equals("http") && !scheme.equals("https") || uri.getHost() == null) {
        throw new ConfigException(SchemaRegistryConfig.SCHEMA_REGISTRY_URL, redact(url),
            "expected an http:// or https:// URL such as http://127.0.0.1:8081 (or mock://<scope> in tests)");
      }
      return uri;
    } catch (URISyntaxException e) {
      throw new ConfigException(SchemaRegistryConfig.SCHEMA_REGISTRY_URL, redact(url), "not a URL: " + e.getReason());
    }
  }

  /** The URL to show and to build requests from: no credentials, no trailing slash. */
  private static String withoutUserInfo(URI uri) {
    String path = uri.getRawPath() == null ? "" : uri.getRawPath().replaceAll("/+$", "");
    return uri.getScheme() + "://" + uri.getHost() + (uri.getPort() < 0 ? "" : ":" + uri.getPort()) + path;
  }

  private static String redact(String url) {
    return url.replaceAll("//[^/@]*@", "//***@");
  }

  private static String basicAuthorization(Map<String, ?> config, URI uri) {
    String userInfo = SchemaRegistryConfig.string(config, SchemaRegistryConfig.BASIC_AUTH_USER_INFO, null);
    String source = SchemaRegistryConfig.string(config, SchemaRegistryConfig.BASIC_AUTH_CREDENTIALS_SOURCE,
        userInfo != null ? "USER_INFO" : "URL").toUpperCase(Locale.ROOT);
    String credentials = switch (source) {
      case "USER_INFO" -> {
        if (userInfo == null) {
          throw new ConfigException("basic.auth.credentials.source=USER_INFO needs basic.auth.user.info=user:password");
        }
        yield userInfo;
      }
      case "URL" -> uri.getUserInfo();
      default -> throw new ConfigException(SchemaRegistryConfig.BASIC_AUTH_CREDENTIALS_SOURCE, source,
          "supported: USER_INFO (basic.auth.user.info=user:password) or URL (http://user:password@host:port)");
    };
    if (credentials == null || credentials.isEmpty()) {
      return null;
    }
    if (!credentials.contains(":")) {
      // never echo the value: it may be a password typed into the wrong place
      throw new ConfigException("basic.auth.user.info must have the form user:password");
    }
    return "Basic " + Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8));
  }
}
