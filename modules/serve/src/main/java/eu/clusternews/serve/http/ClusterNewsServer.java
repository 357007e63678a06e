package eu.clusternews.serve.http;

import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.function.LongSupplier;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import eu.clusternews.serve.query.ActivityQueries;
import eu.clusternews.serve.query.QueryResult;
import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import io.javalin.http.NotFoundResponse;
import io.javalin.http.staticfiles.Location;
import io.javalin.json.JavalinJackson;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import org.apache.kafka.streams.KafkaStreams;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The clusternews HTTP server: the JSON API, the live activity stream, the dashboard page, health and
 * metrics, over any {@link ActivityQueries}.
 * <p>
 * Built on Javalin (Jetty) rather than the JDK's {@code HttpServer}: we need path parameters,
 * server-sent events with many long-lived connections, static files and webjars from the classpath with
 * the right content types, per-route exception mapping and a request hook for latency metrics. The JDK
 * server offers none of these and has a small fixed-thread model unsuited to holding SSE connections;
 * writing them by hand would be more code to get wrong than the dependency costs.
 *
 * <pre>{@code
 * ClusterNewsServer server = ClusterNewsServer.builder(queries)
 *         .host("127.0.0.1").port(8080)
 *         .readiness(myReadinessCheck)
 *         .kafkaStreams(streams)                 // Kafka Streams metrics on /metrics
 *         .deadLetterCount(dlqCounter::get)      // clusternews_dlq_records_total
 *         .localStoreAccess(streamsQueries)      // peers' /internal/v1/stores/... requests
 *         .start();
 * System.out.println("dashboard at " + server.uri());
 * }</pre>
 */
public final class ClusterNewsServer implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(ClusterNewsServer.class);

    /** No inline script or style, no third-party origins: news text that slipped through cannot run. */
    static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; "
            + "img-src 'self' data:; connect-src 'self'; font-src 'self'; object-src 'none'; base-uri 'none'; "
            + "frame-ancestors 'none'; form-action 'self'";

    private static final String PROMETHEUS_TEXT = "text/plain; version=0.0.4; charset=utf-8";

    private final Javalin app;
    private final ActivityStream stream;
    private final ServeMetrics metrics;
    private final String host;
    private final int requestedPort;

    private ClusterNewsServer(Builder builder) {
        this.host = builder.host;
        this.requestedPort = builder.port;
        ObjectMapper json = new ObjectMapper().disable(SerializationFeature.FAIL_ON_EMPTY_BEANS);
        this.metrics = new ServeMetrics(builder.meterRegistry);
        if (builder.kafkaStreams != null) {
            metrics.bindKafkaStreams(builder.kafkaStreams);
        }
        if (builder.deadLetterCount != null) {
            metrics.bindDeadLetterCount(builder.deadLetterCount);
        }
        this.stream = new ActivityStream(builder.queries, json);
        this.app = Javalin.create(config -> {
            config.showJavalinBanner = false;
            config.jsonMapper(new JavalinJackson(json, false));
            config.staticFiles.add("/public", Location.CLASSPATH);
            config.staticFiles.enableWebjars();
            config.requestLogger.http((ctx, millis) ->
                    metrics.recordRequest(ctx.method().name(), routeOf(ctx), ctx.statusCode(), Duration.ofNanos((long)
                            (millis * 1_000_000))));
        });
        app.before(ClusterNewsServer::securityHeaders);
        if (isLoopback(host)) {
            app.before(ctx -> requireLocalHostHeader(ctx, host));
        }
        new ApiRoutes(builder.queries).register(app);
        app.sse("/api/stream", stream::connect);
        ReadinessCheck readiness = builder.readiness;
        ReadinessCheck liveness = builder.liveness;
        app.get("/health/live", ctx -> {
            ReadinessCheck.Readiness l = liveness.check();
            ctx.status(l.ready() ? HttpStatus.OK : HttpStatus.SERVICE_UNAVAILABLE)
                    .json(Map.of("status", l.ready() ? "UP" : "DOWN", "detail", l.detail()));
        });
        app.get("/health/ready", ctx -> {
            ReadinessCheck.Readiness r = readiness.check();
            ctx.status(r.ready() ? HttpStatus.OK : HttpStatus.SERVICE_UNAVAILABLE)
                    .json(Map.of("status", r.ready() ? "UP" : "DOWN", "detail", r.detail()));
        });
        app.get("/metrics", ctx -> ctx.contentType(PROMETHEUS_TEXT).result(metrics.scrape()));
        if (builder.localStoreAccess != null) {
            registerInternalRoutes(builder.localStoreAccess);
        }
        registerErrorAnswers();
    }

    /** Starts a builder over the given queries; everything else has a default. */
    public static Builder builder(ActivityQueries queries) {
        return new Builder(queries);
    }

    /** Binds and starts serving; fails with the address in the message when the port is taken. */
    public ClusterNewsServer start() {
        try {
            app.start(host, requestedPort);
        } catch (RuntimeException e) {
            throw new IllegalStateException(
                    "cannot serve HTTP on " + host + ":" + requestedPort
                            + " (is the port in use? choose another with the port setting)",
                    e);
        }
        log.info("clusternews serving on {}", uri());
        return this;
    }

    /** The bound port (useful with port 0). */
    public int port() {
        return app.port();
    }

    /** The dashboard's address, e.g. http://127.0.0.1:8080/. */
    public URI uri() {
        String printableHost = host.contains(":") ? "[" + host + "]" : host;
        return URI.create("http://" + printableHost + ":" + port() + "/");
    }

    /** The registry behind /metrics, to add the application's own meters. */
    public PrometheusMeterRegistry meterRegistry() {
        return metrics.registry();
    }

    /** Number of connected live-update clients. */
    public int liveClientCount() {
        return stream.clientCount();
    }

    @Override
    public void close() {
        stream.close();
        app.stop();
        metrics.close();
    }

    private void registerInternalRoutes(LocalStoreAccess access) {
        app.get("/internal/v1/stores/{store}/get", ctx -> {
            String key = ctx.queryParam("key");
            if (key == null || key.isEmpty()) {
                throw new BadRequestException("query parameter 'key' is required");
            }
            answerBytes(ctx, servedStore(access, ctx), s -> access.localGet(s, key));
        });
        app.get("/internal/v1/stores/{store}/all", ctx -> {
            java.util.Set<Integer> partitions = partitions(ctx);
            answerBytes(ctx, servedStore(access, ctx), s -> access.localAll(s, partitions));
        });
        app.get("/internal/v1/stores/{store}/select", ctx -> {
            java.util.Set<Integer> partitions = partitions(ctx);
            java.util.Map<String, String> parameters = new java.util.TreeMap<>();
            ctx.queryParamMap().forEach((name, values) -> {
                if (!name.equals("partitions") && !values.isEmpty()) {
                    parameters.put(name, values.get(0));
                }
            });
            answerBytes(ctx, servedStore(access, ctx), s -> access.localSelect(s, partitions, parameters));
        });
    }

    /** The {@code partitions} a peer asks for: comma-separated partition numbers. */
    private static java.util.Set<Integer> partitions(Context ctx) {
        String text = ctx.queryParam("partitions");
        if (text == null || text.isBlank()) {
            throw new BadRequestException("query parameter 'partitions' is required, e.g. partitions=0,2");
        }
        java.util.Set<Integer> partitions = new java.util.TreeSet<>();
        for (String part : text.split(",")) {
            try {
                partitions.add(Integer.parseInt(part.trim()));
            } catch (NumberFormatException e) {
                throw new BadRequestException("'partitions' must be partition numbers like 0,2, was '" + text + "'");
            }
        }
        return partitions;
    }

    private static String servedStore(LocalStoreAccess access, Context ctx) {
        String store = ctx.pathParam("store");
        if (!access.servedStores().contains(store)) {
            throw new Answers.NotFoundException(
                    "no store named '" + store + "' is served here; served: " + access.servedStores());
        }
        return store;
    }

    private static void answerBytes(
            Context ctx, String store, java.util.function.Function<String, QueryResult<byte[]>> query) {
        byte[] bytes = Answers.require(query.apply(store));
        ctx.contentType(LocalStoreAccess.MEDIA_TYPE).result(bytes);
    }

    private void registerErrorAnswers() {
        app.exception(
                BadRequestException.class,
                (e, ctx) -> ctx.status(HttpStatus.BAD_REQUEST)
                        .json(new ApiRoutes.ErrorBody("bad_request", e.getMessage())));
        app.exception(
                Answers.NotFoundException.class,
                (e, ctx) ->
                        ctx.status(HttpStatus.NOT_FOUND).json(new ApiRoutes.ErrorBody("not_found", e.getMessage())));
        app.exception(
                NotFoundResponse.class,
                (e, ctx) -> ctx.status(HttpStatus.NOT_FOUND)
                        .json(new ApiRoutes.ErrorBody("not_found", "no such path: " + ctx.path())));
        app.exception(
                ForeignHostException.class,
                (e, ctx) -> ctx.status(HttpStatus.FORBIDDEN)
                        .json(new ApiRoutes.ErrorBody("forbidden_host", e.getMessage())));
        app.exception(
                LocalStoreAccess.NotOwnerException.class,
                (e, ctx) -> ctx.status(HttpStatus.MISDIRECTED_REQUEST)
                        .header("Retry-After", "1")
                        .json(new ApiRoutes.ErrorBody("not_owner", e.getMessage())));
        app.exception(Answers.UnavailableException.class, (e, ctx) -> {
            long seconds = Math.max(1, e.retryAfter.toSeconds());
            ctx.status(HttpStatus.SERVICE_UNAVAILABLE)
                    .header("Retry-After", Long.toString(seconds))
                    .json(ApiRoutes.ErrorBody.withRetry(e.getMessage(), seconds));
        });
        app.exception(Exception.class, (e, ctx) -> {
            log.error("request {} {} failed", ctx.method(), ctx.path(), e);
            ctx.status(HttpStatus.INTERNAL_SERVER_ERROR)
                    .json(new ApiRoutes.ErrorBody("internal_error", "the server failed; see its log"));
        });
    }

    /** Refused: the request names a host this loopback-bound server is not (DNS rebinding). */
    static final class ForeignHostException extends RuntimeException {
        ForeignHostException(String message) {
            super(message);
        }
    }

    private static boolean isLoopback(String host) {
        try {
            return java.net.InetAddress.getByName(host).isLoopbackAddress();
        } catch (java.net.UnknownHostException e) {
            return false;
        }
    }

    /**
     * A server bound to loopback answers only requests addressed to loopback: a web page whose host name an attacker
     * re-points at 127.0.0.1 (DNS rebinding) sends its own name in Host, and is refused before any handler runs.
     */
    private static void requireLocalHostHeader(Context ctx, String boundHost) {
        String header = ctx.header("Host");
        if (header == null) {
            return; // HTTP/1.0 without Host: no browser sends that
        }
        String name = header.trim().toLowerCase(java.util.Locale.ROOT);
        if (name.startsWith("[")) {
            int end = name.indexOf(']');
            name = end < 0 ? name : name.substring(1, end);
        } else if (name.indexOf(':') >= 0 && name.indexOf(':') == name.lastIndexOf(':')) {
            name = name.substring(0, name.indexOf(':'));
        }
        boolean local = name.equals("localhost")
                || name.endsWith(".localhost")
                || name.equals(boundHost)
                || name.equals("::1")
                || name.matches("127\\.\\d{1,3}\\.\\d{1,3}\\.\\d{1,3}");
        if (!local) {
            throw new ForeignHostException("this server listens on " + boundHost + " and answers requests for localhost"
                    + " or 127.x.x.x only, not for '" + header + "'; to serve other hosts, bind it to their address or"
                    + " 0.0.0.0 (--http-host)");
        }
    }

    private static void securityHeaders(Context ctx) {
        ctx.header("Content-Security-Policy", CONTENT_SECURITY_POLICY);
        ctx.header("X-Content-Type-Options", "nosniff");
        ctx.header("Referrer-Policy", "no-referrer");
        if (ctx.path().startsWith("/api/") || ctx.path().startsWith("/health/")) {
            ctx.header("Cache-Control", "no-store");
        }
    }

    /** The matched route template, so metrics have one series per route, not per id. */
    private static String routeOf(Context ctx) {
        try {
            String path = ctx.endpointHandlerPath();
            return path == null || path.isEmpty() ? "static" : path;
        } catch (RuntimeException e) {
            return "static";
        }
    }

    /** Settings of the server; only the queries are required. */
    public static final class Builder {
        private final ActivityQueries queries;
        private String host = "127.0.0.1";
        private int port = 8080;
        private ReadinessCheck readiness = ReadinessCheck.alwaysReady();
        private ReadinessCheck liveness = ReadinessCheck.alwaysReady();
        private KafkaStreams kafkaStreams;
        private LongSupplier deadLetterCount;
        private PrometheusMeterRegistry meterRegistry;
        private LocalStoreAccess localStoreAccess;

        private Builder(ActivityQueries queries) {
            this.queries = Objects.requireNonNull(queries, "queries");
        }

        /** Address to bind; 127.0.0.1 by default so nothing is exposed unless asked. */
        public Builder host(String host) {
            this.host = Objects.requireNonNull(host, "host");
            return this;
        }

        /** Port to bind; 8080 by default, 0 for any free port. */
        public Builder port(int port) {
            if (port < 0 || port > 65535) {
                throw new IllegalArgumentException("port must be 0..65535, was " + port);
            }
            this.port = port;
            return this;
        }

        /** What /health/ready answers; always ready by default. */
        public Builder readiness(ReadinessCheck readiness) {
            this.readiness = Objects.requireNonNull(readiness, "readiness");
            return this;
        }

        /**
         * What /health/live answers (503 when not "ready"): whether the process can still do its work, so that a
         * supervisor restarts it when not; always live by default.
         */
        public Builder liveness(ReadinessCheck liveness) {
            this.liveness = Objects.requireNonNull(liveness, "liveness");
            return this;
        }

        /** Publishes this Kafka Streams instance's metrics on /metrics. */
        public Builder kafkaStreams(KafkaStreams kafkaStreams) {
            this.kafkaStreams = kafkaStreams;
            return this;
        }

        /** Publishes a dead-letter record count as {@code clusternews_dlq_records_total}. */
        public Builder deadLetterCount(LongSupplier deadLetterCount) {
            this.deadLetterCount = deadLetterCount;
            return this;
        }

        /** Uses this registry for /metrics instead of a new one. */
        public Builder meterRegistry(PrometheusMeterRegistry meterRegistry) {
            this.meterRegistry = meterRegistry;
            return this;
        }

        /** Serves this instance's local store partitions to peer instances. */
        public Builder localStoreAccess(LocalStoreAccess localStoreAccess) {
            this.localStoreAccess = localStoreAccess;
            return this;
        }

        public ClusterNewsServer build() {
            return new ClusterNewsServer(this);
        }

        /** Builds and starts. */
        public ClusterNewsServer start() {
            return build().start();
        }
    }
}
