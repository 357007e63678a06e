package eu.clusternews.serve.streams;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

import eu.clusternews.serve.http.LocalStoreAccess;
import eu.clusternews.serve.query.QueryResult;
import org.apache.kafka.streams.state.HostInfo;

/**
 * Asks a peer instance for values of the store partitions it owns ({@code /internal/v1/stores/...}).
 * Anything but a 200 — a 503 from a rebalancing peer, a 421 from a peer that no longer owns what it was asked
 * for, a timeout, a refused connection — becomes {@link QueryResult.Unavailable}: an answer missing a peer's part
 * is never complete.
 */
public final class PeerClient {

    /** The answer of a peer that does not own the key or partitions it was asked for. */
    public static final int MISDIRECTED = 421;

    private static final Duration TIMEOUT = Duration.ofSeconds(3);

    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(TIMEOUT).build();

    public QueryResult<byte[]> get(HostInfo peer, String store, String key) {
        return fetch(peer, "/internal/v1/stores/" + encode(store) + "/get?key=" + encode(key));
    }

    public QueryResult<byte[]> all(HostInfo peer, String store, Set<Integer> partitions) {
        return fetch(peer, "/internal/v1/stores/" + encode(store) + "/all?partitions=" + list(partitions));
    }

    /** The top values of a selection: the peer rebuilds it from {@code parameters}. */
    public QueryResult<byte[]> select(
            HostInfo peer, String store, Set<Integer> partitions, Map<String, String> parameters) {
        String query = new TreeMap<>(parameters)
                .entrySet().stream()
                        .map(e -> encode(e.getKey()) + "=" + encode(e.getValue()))
                        .collect(Collectors.joining("&"));
        return fetch(
                peer,
                "/internal/v1/stores/" + encode(store) + "/select?partitions=" + list(partitions)
                        + (query.isEmpty() ? "" : "&" + query));
    }

    private QueryResult<byte[]> fetch(HostInfo peer, String pathAndQuery) {
        String host = peer.host().contains(":") && !peer.host().startsWith("[") ? "[" + peer.host() + "]" : peer.host();
        URI uri = URI.create("http://" + host + ":" + peer.port() + pathAndQuery);
        HttpRequest request = HttpRequest.newBuilder(uri)
                .timeout(TIMEOUT)
                .header("Accept", LocalStoreAccess.MEDIA_TYPE)
                .GET()
                .build();
        try {
            HttpResponse<byte[]> response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
            if (response.statusCode() == 200) {
                return QueryResult.found(response.body());
            }
            String body = new String(response.body(), StandardCharsets.UTF_8);
            if (response.statusCode() == MISDIRECTED) {
                return QueryResult.unavailable("peer " + peer + " no longer owns what this instance asked it for"
                        + " (the partitions are moving): " + body);
            }
            return QueryResult.unavailable("peer " + uri + " answered " + response.statusCode() + ": " + body);
        } catch (IOException e) {
            return QueryResult.unavailable("peer " + uri + " is unreachable: " + e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return QueryResult.unavailable("interrupted while asking peer " + uri);
        }
    }

    private static String list(Set<Integer> partitions) {
        return partitions.stream().sorted().map(String::valueOf).collect(Collectors.joining(","));
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }
}
