package eu.clusternews.registry;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A scripted stand-in for a schema registry on 127.0.0.1 and a free port: each (method, path) answers with the
 * responses given to {@link #answer}, in order, the last one repeating. Records every request it gets. As a field
 * with {@code @RegisterExtension}, each test gets its own, stopped after the test.
 */
final class FakeSchemaRegistry implements AutoCloseable, AfterEachCallback {

    /** The base path of Apicurio's Confluent-compatible API. */
    static final String APICURIO_CCOMPAT = "/apis/ccompat/v7";

    record Request(
            String method,
            String pathAndQuery,
            String contentType,
            String authorization,
            String body,
            Map<String, String> headers) {}

    private record Response(int status, String body, long delayMillis) {}

    private final HttpServer server;
    private final String basePath;
    private final Map<String, Deque<Response>> script = new ConcurrentHashMap<>();
    private final List<Request> requests = new CopyOnWriteArrayList<>();

    FakeSchemaRegistry(String basePath) {
        this.basePath = basePath;
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot start the fake registry on a loopback port", e);
        }
        server.createContext(basePath.isEmpty() ? "/" : basePath, this::handle);
        // a slow answer must not hold up the next request (the client times out and retries)
        server.setExecutor(Executors.newCachedThreadPool(runnable -> {
            Thread thread = new Thread(runnable, "fake-registry");
            thread.setDaemon(true);
            return thread;
        }));
        server.start();
    }

    /** The registry's base URL (with the base path, as Apicurio's /apis/ccompat/v7). */
    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + basePath;
    }

    /** Settings for a client of these URLs (comma-separated) that waits only 1 ms between retries; add your own. */
    static Map<String, Object> clientConfig(String urls) {
        Map<String, Object> config = new HashMap<>();
        config.put(SchemaRegistryConfig.SCHEMA_REGISTRY_URL, urls);
        config.put(SchemaRegistryConfig.RETRIES_WAIT_MS, 1);
        return config;
    }

    /** {@link #clientConfig(String)} retrying at most {@code maxRetries} times. */
    static Map<String, Object> clientConfig(String urls, int maxRetries) {
        Map<String, Object> config = clientConfig(urls);
        config.put(SchemaRegistryConfig.MAX_RETRIES, maxRetries);
        return config;
    }

    /** A loopback port that was free a moment ago: where no registry answers. */
    static int unusedPort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Scripts the answers to a method and path (relative to the base path, with its query string). */
    FakeSchemaRegistry answer(String method, String pathAndQuery, int status, String body) {
        return answerAfter(method, pathAndQuery, 0, status, body);
    }

    /** Like {@link #answer}, the answer coming only after this delay (a registry that hangs). */
    FakeSchemaRegistry answerAfter(String method, String pathAndQuery, long delayMillis, int status, String body) {
        script.computeIfAbsent(method + " " + pathAndQuery, k -> new ArrayDeque<>())
                .addLast(new Response(status, body, delayMillis));
        return this;
    }

    List<Request> requests() {
        return List.copyOf(requests);
    }

    private void handle(HttpExchange exchange) throws IOException {
        String relative = exchange.getRequestURI().getRawPath().substring(basePath.length());
        String query = exchange.getRequestURI().getRawQuery();
        String pathAndQuery = relative + (query == null ? "" : "?" + query);
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        requests.add(new Request(
                exchange.getRequestMethod(),
                pathAndQuery,
                exchange.getRequestHeaders().getFirst("Content-Type"),
                exchange.getRequestHeaders().getFirst("Authorization"),
                body,
                firstValues(exchange)));
        Deque<Response> responses = script.get(exchange.getRequestMethod() + " " + pathAndQuery);
        Response response;
        if (responses == null || responses.isEmpty()) {
            response = new Response(404, "{\"error_code\":404,\"message\":\"not scripted: " + pathAndQuery + "\"}", 0);
        } else {
            synchronized (responses) {
                response = responses.size() > 1 ? responses.pollFirst() : responses.peekFirst();
            }
        }
        if (response.delayMillis() > 0) {
            try {
                Thread.sleep(response.delayMillis()); // the registry hanging, not the test waiting
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        byte[] bytes = response.body().getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", RestSchemaRegistryClient.CONTENT_TYPE);
        exchange.sendResponseHeaders(response.status(), bytes.length == 0 ? -1 : bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    private static Map<String, String> firstValues(HttpExchange exchange) {
        Map<String, String> headers = new java.util.TreeMap<>();
        exchange.getRequestHeaders().forEach((name, values) -> headers.put(name, values.get(0)));
        return headers;
    }

    @Override
    public void afterEach(ExtensionContext context) {
        close();
    }

    @Override
    public void close() {
        server.stop(0);
        ((java.util.concurrent.ExecutorService) server.getExecutor()).shutdownNow();
    }
}
