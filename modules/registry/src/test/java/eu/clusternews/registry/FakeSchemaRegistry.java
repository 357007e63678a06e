package eu.clusternews.registry;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A scripted stand-in for a schema registry on 127.0.0.1 and a free port: each (method, path) answers with the
 * responses given to {@link #answer}, in order, the last one repeating. Records every request it gets.
 */
final class FakeSchemaRegistry implements AutoCloseable {

  record Request(String method, String pathAndQuery, String contentType, String authorization, String body) {
  }

  private record Response(int status, String body) {
  }

  private final HttpServer server;
  private final String basePath;
  private final Map<String, Deque<Response>> script = new ConcurrentHashMap<>();
  private final List<Request> requests = new CopyOnWriteArrayList<>();

  FakeSchemaRegistry(String basePath) throws IOException {
    this.basePath = basePath;
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext(basePath.isEmpty() ? "/" : basePath, this::handle);
    server.start();
  }

  /** The registry's base URL (with the base path, as Apicurio's /apis/ccompat/v7). */
  String url() {
    return "http://127.0.0.1:" + server.getAddress().getPort() + basePath;
  }

  /** Scripts the answers to a method and path (relative to the base path, with its query string). */
  FakeSchemaRegistry answer(String method, String pathAndQuery, int status, String body) {
    script.computeIfAbsent(method + " " + pathAndQuery, k -> new ArrayDeque<>()).addLast(new Response(status, body));
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
    requests.add(new Request(exchange.getRequestMethod(), pathAndQuery,
        exchange.getRequestHeaders().getFirst("Content-Type"), exchange.getRequestHeaders().getFirst("Authorization"),
        body));
    Deque<Response> responses = script.get(exchange.getRequestMethod() + " " + pathAndQuery);
    Response response;
    if (responses == null || responses.isEmpty()) {
      response = new Response(404, "{\"error_code\":404,\"message\":\"not scripted: " + pathAndQuery + "\"}");
    } else {
      synchronized (responses) {
        response = responses.size() > 1 ? responses.pollFirst() : responses.peekFirst();
      }
    }
    byte[] bytes = response.body().getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().set("Content-Type", RestSchemaRegistryClient.CONTENT_TYPE);
    exchange.sendResponseHeaders(response.status(), bytes.length == 0 ? -1 : bytes.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(bytes);
    }
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
