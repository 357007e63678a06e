package eu.clusternews.registry;

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
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.avro.Schema;
import org.apache.avro.SchemaParseException;
import org.apache.kafka.common.config.ConfigException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A client of the Confluent Schema Registry REST API (Confluent's registry, Apicurio's {@code /apis/ccompat/v7},
 * Karapace, ...), on the JDK's HTTP client, configured with the Java Confluent client's keys (see
 * {@link SchemaRegistryConfig}): several URLs, basic or bearer authentication, TLS with a truststore and keystore,
 * timeouts and retries.
 *
 * <p>Schemas are cached by id forever (an id never changes meaning), and ids by (subject, schema), keyed by the
 * {@link Schema} object, so a serializer asks the registry once per schema.
 *
 * <p>Failures come in two kinds. An outage (no answer, a timeout, a TLS failure, 5xx, 408, 429, 401/403, a 404 that is
 * not the registry's own, an answer that is not JSON) is retried {@code max.retries} times with exponential backoff,
 * each retry on the next URL, and then thrown as {@link RegistryUnreachableException}. A definite answer of the
 * registry (404 with its error code, 409, 422) is final and becomes the specific {@link SchemaRegistryException}
 * subclass. Credentials never appear in messages or logs.
 */
public final class RestSchemaRegistryClient implements SchemaRegistryClient {

    /** The media type of the Confluent API. */
    public static final String CONTENT_TYPE = "application/vnd.schemaregistry.v1+json";

    private static final Logger LOG = LoggerFactory.getLogger(RestSchemaRegistryClient.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int ERROR_SUBJECT_NOT_FOUND = 40401;
    private static final int ERROR_SCHEMA_NOT_FOUND = 40403;
    /** Keys already named in the warning about unknown keys: one line per key per JVM, however many clients. */
    private static final Set<String> WARNED_KEYS = ConcurrentHashMap.newKeySet();

    /** One registry URL: where to send requests (no credentials) and the basic auth its user info gives, if any. */
    private record Endpoint(String baseUrl, String urlAuthorization) {}

    private final List<Endpoint> endpoints;
    /** The endpoint that answered last: requests start there, so a dead first URL costs one failover, not one each. */
    private final AtomicInteger current = new AtomicInteger();

    private final String shownUrls;
    private final HttpClient http;
    private final int maxRetries;
    private final long retriesWaitMs;
    private final long retriesMaxWaitMs;
    private final Duration readTimeout;
    private final String configuredAuthorization;
    private final Map<String, String> extraHeaders;
    private final ConcurrentMap<Integer, Schema> schemasById = new ConcurrentHashMap<>();
    private final ConcurrentMap<SubjectSchema, Integer> idsBySubjectSchema = new ConcurrentHashMap<>();

    private record SubjectSchema(String subject, Schema schema) {}

    /** A client of the registry at this URL with default settings. */
    public RestSchemaRegistryClient(String url) {
        this(Map.of(SchemaRegistryConfig.SCHEMA_REGISTRY_URL, url));
    }

    /** A client configured with Confluent's keys, see {@link SchemaRegistryConfig}; other keys are ignored. */
    public RestSchemaRegistryClient(Map<String, ?> config) {
        warnAboutUnknownKeys(config);
        String urls = SchemaRegistryConfig.requiredString(config, SchemaRegistryConfig.SCHEMA_REGISTRY_URL);
        this.endpoints = parseUrls(urls);
        this.shownUrls =
                String.join(",", endpoints.stream().map(Endpoint::baseUrl).toList());
        this.maxRetries = (int) SchemaRegistryConfig.number(
                config, SchemaRegistryConfig.MAX_RETRIES, SchemaRegistryConfig.MAX_RETRIES_DEFAULT, 0);
        this.retriesWaitMs = SchemaRegistryConfig.number(
                config, SchemaRegistryConfig.RETRIES_WAIT_MS, SchemaRegistryConfig.RETRIES_WAIT_MS_DEFAULT, 0);
        this.retriesMaxWaitMs = SchemaRegistryConfig.number(
                config, SchemaRegistryConfig.RETRIES_MAX_WAIT_MS, SchemaRegistryConfig.RETRIES_MAX_WAIT_MS_DEFAULT, 0);
        this.readTimeout = Duration.ofMillis(SchemaRegistryConfig.number(
                config,
                SchemaRegistryConfig.HTTP_READ_TIMEOUT_MS,
                SchemaRegistryConfig.HTTP_READ_TIMEOUT_MS_DEFAULT,
                1));
        Duration connectTimeout = Duration.ofMillis(SchemaRegistryConfig.number(
                config,
                SchemaRegistryConfig.HTTP_CONNECT_TIMEOUT_MS,
                SchemaRegistryConfig.HTTP_CONNECT_TIMEOUT_MS_DEFAULT,
                1));
        this.configuredAuthorization = RegistryAuthentication.authorization(
                config, endpoints.stream().anyMatch(endpoint -> endpoint.urlAuthorization() != null));
        this.extraHeaders = RegistryAuthentication.extraHeaders(config);
        // HTTP/1.1: registries behind plain http do not all cope with the h2c upgrade the JDK client tries by default
        HttpClient.Builder builder =
                HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(connectTimeout);
        RegistryTls.sslContext(config).ifPresent(builder::sslContext);
        this.http = builder.build();
    }

    /** The registry URL(s), comma-separated, without credentials. */
    @Override
    public String url() {
        return shownUrls;
    }

    @Override
    public String toString() {
        String auth = configuredAuthorization != null
                ? (configuredAuthorization.startsWith("Bearer ") ? ", bearer auth" : ", basic auth")
                : endpoints.stream().anyMatch(e -> e.urlAuthorization() != null) ? ", basic auth" : "";
        return "RestSchemaRegistryClient[" + shownUrls + auth + "]";
    }

    @Override
    public int register(String subject, Schema schema) {
        return idOf(
                new SubjectSchema(subject, schema),
                () -> send(
                        "POST",
                        "/subjects/" + encode(subject) + "/versions",
                        schemaBody(schema),
                        error -> switch (error.status) {
                            case 409 ->
                                new IncompatibleSchemaException(
                                        subject, shownUrls, SchemaFieldPaths.named(schema, error.messages()));
                            case 422 -> new InvalidSchemaException(subject, shownUrls, error.message);
                            case 404 -> new SubjectNotFoundException(subject, shownUrls);
                            default -> null;
                        }));
    }

    @Override
    public int getId(String subject, Schema schema) {
        return idOf(
                new SubjectSchema(subject, schema),
                () -> send("POST", "/subjects/" + encode(subject), schemaBody(schema), error -> switch (error.status) {
                    case 404 ->
                        error.code == ERROR_SUBJECT_NOT_FOUND
                                ? new SubjectNotFoundException(subject, shownUrls)
                                : new SchemaNotRegisteredException(subject, shownUrls);
                    case 422 -> new InvalidSchemaException(subject, shownUrls, error.message);
                    default -> null;
                }));
    }

    /** The id of this subject and schema: cached, else what {@code ask} gets from the registry, then cached both ways. */
    private int idOf(SubjectSchema key, Supplier<JsonNode> ask) {
        Integer cached = idsBySubjectSchema.get(key);
        if (cached != null) {
            return cached;
        }
        int id = requiredInt(ask.get(), "id");
        idsBySubjectSchema.put(key, id);
        schemasById.putIfAbsent(id, key.schema());
        return id;
    }

    @Override
    public Schema getById(int id) {
        Schema cached = schemasById.get(id);
        if (cached != null) {
            return cached;
        }
        JsonNode answer = send(
                "GET",
                "/schemas/ids/" + id,
                null,
                error -> error.status == 404 ? new UnknownSchemaIdException(id, shownUrls) : null);
        Schema schema = parseSchema(answer, "schema id " + id);
        Schema previous = schemasById.putIfAbsent(id, schema);
        return previous != null ? previous : schema;
    }

    @Override
    public RegisteredSchema getLatest(String subject) {
        JsonNode answer = send(
                "GET",
                "/subjects/" + encode(subject) + "/versions/latest",
                null,
                error -> error.status == 404 ? new SubjectNotFoundException(subject, shownUrls) : null);
        int id = requiredInt(answer, "id");
        Schema schema = schemasById.computeIfAbsent(id, ignored -> parseSchema(answer, "subject " + subject));
        return new RegisteredSchema(subject, id, requiredInt(answer, "version"), schema);
    }

    @Override
    public CompatibilityResult testCompatibility(String subject, Schema schema) {
        JsonNode answer;
        try {
            answer = send(
                    "POST",
                    "/compatibility/subjects/" + encode(subject) + "/versions/latest?verbose=true",
                    schemaBody(schema),
                    error -> switch (error.status) {
                        case 404 -> new SubjectNotFoundException(subject, shownUrls);
                        case 422 -> new InvalidSchemaException(subject, shownUrls, error.message);
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
                JsonNode answer = send(
                        "GET",
                        "/config/" + encode(subjectOrNullForGlobal) + "?defaultToGlobal=true",
                        null,
                        error -> error.status == 404
                                ? new SubjectNotFoundException(subjectOrNullForGlobal, shownUrls)
                                : null);
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
        send(
                "PUT",
                path,
                Map.of("compatibility", level.toUpperCase(Locale.ROOT)),
                error -> error.status == 422
                        ? new InvalidSchemaException(
                                subject,
                                shownUrls,
                                error.message
                                        + " (levels: NONE, BACKWARD, BACKWARD_TRANSITIVE, FORWARD, FORWARD_TRANSITIVE, FULL,"
                                        + " FULL_TRANSITIVE)")
                        : null);
    }

    @Override
    public List<String> subjects() {
        JsonNode answer = send("GET", "/subjects", null, error -> null);
        List<String> subjects = new ArrayList<>();
        answer.forEach(subject -> subjects.add(subject.asText()));
        subjects.sort(null);
        return subjects;
    }

    // --- HTTP
    // ---------------------------------------------------------------------------------------------------------

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

    /** What went wrong with one attempt that makes it an outage: retried, then thrown as RegistryUnreachableException. */
    private record Outage(String url, int status, String problem, Throwable cause) {}

    private JsonNode send(String method, String pathAndQuery, Object body, ErrorMapper errors) {
        String what = method + " " + pathAndQuery;
        int attempts = 0;
        long started = System.nanoTime();
        Outage last = null;
        for (int round = 0; round <= maxRetries; round++) {
            if (round > 0) {
                long wait = backoff(round);
                LOG.warn(
                        "The schema registry at {} gave no usable answer to {} ({}); retry {} of {} in {} ms",
                        last.url(),
                        what,
                        last.problem(),
                        round,
                        maxRetries,
                        wait);
                pause(wait);
            }
            // one attempt per URL in each round, starting with the one that answered last
            int first = current.get();
            for (int i = 0; i < endpoints.size(); i++) {
                int index = (first + i) % endpoints.size();
                Endpoint endpoint = endpoints.get(index);
                attempts++;
                Object outcome = attempt(endpoint, method, pathAndQuery, body, errors, what);
                if (outcome instanceof Outage outage) {
                    last = outage;
                    if (endpoints.size() > 1) {
                        LOG.warn(
                                "The schema registry at {} gave no usable answer to {} ({}); trying the next URL",
                                endpoint.baseUrl(),
                                what,
                                outage.problem());
                    }
                    continue;
                }
                current.set(index);
                return (JsonNode) outcome;
            }
        }
        throw outageException(last, what, attempts, System.nanoTime() - started);
    }

    /** The JSON answer, or an {@link Outage}; throws the definite answers (404 with a registry code, 409, 422, ...). */
    private Object attempt(
            Endpoint endpoint, String method, String pathAndQuery, Object body, ErrorMapper errors, String what) {
        HttpResponse<String> response;
        try {
            response = http.send(
                    request(endpoint, method, pathAndQuery, body),
                    HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            return new Outage(endpoint.baseUrl(), -1, RegistryUnreachableException.describe(e), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SchemaRegistryException(
                    "Interrupted while waiting for the schema registry at " + endpoint.baseUrl(), e);
        }
        int status = response.statusCode();
        if (status >= 200 && status < 300) {
            JsonNode json = readJson(response.body());
            if (json == null) {
                return new Outage(
                        endpoint.baseUrl(),
                        status,
                        "answered " + status + " with something that is not JSON: " + abbreviate(response.body()),
                        null);
            }
            return json;
        }
        ErrorAnswer error = errorAnswer(status, response.body());
        if (status >= 500
                || status == 408
                || status == 429
                || status == 401
                || status == 403
                || status == 404 && error.code / 100 != 404) {
            return new Outage(
                    endpoint.baseUrl(),
                    status,
                    "answered " + status + (error.message == null ? "" : ": " + error.message),
                    null);
        }
        SchemaRegistryException specific = errors.map(error);
        if (specific != null) {
            throw specific;
        }
        throw new SchemaRegistryException(
                "The schema registry at " + endpoint.baseUrl() + " answered " + status + " to " + what
                        + (error.message == null ? "" : ": " + error.message),
                status,
                null);
    }

    private RegistryUnreachableException outageException(Outage last, String what, int attempts, long nanos) {
        String tries = attempts + (attempts == 1 ? " attempt" : " attempts") + " in "
                + Duration.ofNanos(nanos).toMillis() + " ms";
        if (last.status() < 0) {
            return new RegistryUnreachableException(shownUrls, attempts, last.cause());
        }
        String message = "The schema registry at " + last.url() + " " + last.problem() + " to " + what + " (after "
                + tries + ").";
        if (last.status() == 401 || last.status() == 403) {
            message += " Check the credentials (" + SchemaRegistryConfig.BASIC_AUTH_USER_INFO + " or "
                    + SchemaRegistryConfig.BEARER_AUTH_TOKEN + ").";
        } else if (last.status() == 404 || last.status() < 300) {
            message += " Is " + last.url()
                    + " really a Confluent-compatible registry API (for Apicurio: .../apis/ccompat/v7)?";
        }
        return new RegistryUnreachableException(message, last.url(), last.status(), last.cause());
    }

    private HttpRequest request(Endpoint endpoint, String method, String pathAndQuery, Object body) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(endpoint.baseUrl() + pathAndQuery))
                .timeout(readTimeout)
                .header("Accept", CONTENT_TYPE + ", application/json");
        String authorization = configuredAuthorization != null ? configuredAuthorization : endpoint.urlAuthorization();
        if (authorization != null) {
            builder.header("Authorization", authorization);
        }
        extraHeaders.forEach(builder::header);
        if (body == null) {
            builder.method(method, HttpRequest.BodyPublishers.noBody());
        } else {
            builder.header("Content-Type", CONTENT_TYPE);
            builder.method(method, HttpRequest.BodyPublishers.ofString(writeJson(body), StandardCharsets.UTF_8));
        }
        return builder.build();
    }

    private void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SchemaRegistryException(
                    "Interrupted while waiting to retry the schema registry at " + shownUrls, e);
        }
    }

    private long backoff(int retry) {
        long doubled = retriesWaitMs << Math.min(retry - 1, 20);
        return Math.min(retriesMaxWaitMs, doubled);
    }

    // --- JSON
    // -----------------------------------------------------------------------------------------------------------

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

    /** The answer as JSON, or null when it is not JSON (a proxy's or a web server's page). */
    private static JsonNode readJson(String body) {
        try {
            return JSON.readTree(body == null || body.isBlank() ? "{}" : body);
        } catch (JsonProcessingException e) {
            return null;
        }
    }

    private static ErrorAnswer errorAnswer(int status, String body) {
        try {
            JsonNode json = JSON.readTree(body == null || body.isBlank() ? "{}" : body);
            if (json.isObject()) {
                String message =
                        json.hasNonNull("message") ? json.get("message").asText() : abbreviate(body);
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
            throw new SchemaRegistryException("The schema registry at " + shownUrls + " answered without '" + field
                    + "': " + abbreviate(answer.toString()));
        }
        return value.asInt();
    }

    private Schema parseSchema(JsonNode answer, String what) {
        String type = answer.path("schemaType").asText("AVRO");
        if (!type.equalsIgnoreCase("AVRO")) {
            throw new UnsupportedSchemaTypeException("The registry at " + shownUrls + " holds a " + type
                    + " schema for " + what + "; clusternews reads Avro only.");
        }
        JsonNode text = answer.get("schema");
        if (text == null || !text.isTextual()) {
            throw new SchemaRegistryException("The schema registry at " + shownUrls + " answered without a schema for "
                    + what + ": " + abbreviate(answer.toString()));
        }
        try {
            return AvroSchemas.parse(text.asText());
        } catch (SchemaParseException e) {
            throw new SchemaRegistryException(
                    "The registry at " + shownUrls + " returned an unreadable schema for " + what + ": "
                            + e.getMessage(),
                    e);
        }
    }

    private String compatibilityLevel(JsonNode answer) {
        // Confluent answers {"compatibilityLevel": ...} to GET and {"compatibility": ...} to PUT; accept either
        String level = answer.path("compatibilityLevel")
                .asText(answer.path("compatibility").asText(null));
        if (level == null) {
            throw new SchemaRegistryException("The schema registry at " + shownUrls
                    + " answered without a compatibility" + " level: " + abbreviate(answer.toString()));
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

    // --- configuration
    // ------------------------------------------------------------------------------------------------

    private static List<Endpoint> parseUrls(String urls) {
        List<Endpoint> endpoints = new ArrayList<>();
        for (String url : urls.split(",")) {
            if (!url.isBlank()) {
                URI uri = parseUrl(url.strip());
                endpoints.add(new Endpoint(withoutUserInfo(uri), RegistryAuthentication.basicFromUrl(uri)));
            }
        }
        if (endpoints.isEmpty()) {
            throw new ConfigException(
                    SchemaRegistryConfig.SCHEMA_REGISTRY_URL,
                    SchemaRegistryConfig.redactUrl(urls),
                    "expected one or more comma-separated http:// or https:// URLs");
        }
        return List.copyOf(endpoints);
    }

    private static URI parseUrl(String url) {
        try {
            URI uri = new URI(url);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if (!scheme.equals("http") && !scheme.equals("https") || uri.getHost() == null) {
                throw new ConfigException(
                        SchemaRegistryConfig.SCHEMA_REGISTRY_URL,
                        SchemaRegistryConfig.redactUrl(url),
                        "expected an http:// or https:// URL such as http://127.0.0.1:8081 (or mock://<scope> in tests)");
            }
            return uri;
        } catch (URISyntaxException e) {
            throw new ConfigException(
                    SchemaRegistryConfig.SCHEMA_REGISTRY_URL,
                    SchemaRegistryConfig.redactUrl(url),
                    "not a URL: " + e.getReason());
        }
    }

    /** The URL to show and to build requests from: no credentials, no trailing slash. */
    private static String withoutUserInfo(URI uri) {
        String path = uri.getRawPath() == null ? "" : uri.getRawPath().replaceAll("/+$", "");
        return uri.getScheme() + "://" + uri.getHost() + (uri.getPort() < 0 ? "" : ":" + uri.getPort()) + path;
    }

    /** Names, once per JVM, the registry-client keys this client ignores (never their values: they may be secrets). */
    private static void warnAboutUnknownKeys(Map<String, ?> config) {
        List<String> unknown = config.keySet().stream()
                .filter(key -> SchemaRegistryConfig.CLIENT_KEY_PREFIXES.stream().anyMatch(key::startsWith))
                .filter(key -> !SchemaRegistryConfig.CLIENT_KEYS.contains(key))
                .filter(WARNED_KEYS::add)
                .sorted()
                .toList();
        if (!unknown.isEmpty()) {
            LOG.warn(
                    "Ignoring schema registry setting(s) the client does not know: {}. It reads: {}",
                    String.join(", ", unknown),
                    String.join(", ", new java.util.TreeSet<>(SchemaRegistryConfig.CLIENT_KEYS)));
        }
    }
}
