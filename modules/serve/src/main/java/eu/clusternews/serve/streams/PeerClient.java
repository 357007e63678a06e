package eu.clusternews.serve.streams;

import eu.clusternews.serve.http.LocalStoreAccess;
import eu.clusternews.serve.query.QueryResult;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.apache.kafka.streams.state.HostInfo;

/**
 * Asks a peer instance for values of the store partitions it owns ({@code /internal/v1/stores/...}).
 * Anything but a 200 — a 503 from a rebalancing peer, a timeout, a refused connection — becomes
 * {@link QueryResult.Unavailable}: an answer missing a peer's part is never complete.
 */
public final class PeerClient {

    private static final Duration TIMEOUT = Duration.ofSeconds(3);

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(TIMEOUT).build();

    public QueryResult<byte[]> get(HostInfo peer, String store, String key) {
        return fetch(peer, "/internal/v1/stores/" + encode(store) + "/get?key=" + encode(key));
    }

    public QueryResult<byte[]> all(HostInfo peer, String store) {
        return fetch(peer, "/internal/v1/stores/" + encode(store) + "/all");
    }

    private QueryResult<byte[]> fetch(HostInfo peer, String pathAndQuery) {
        URI uri = URI.create("http://" + peer.host() + ":" + peer.port() + pathAndQuery);
        HttpRequest request = HttpRequest.newBuilder(uri).timeout(TIMEOUT)
                .header("Accept", LocalStoreAccess.MEDIA_TYPE).GET().build();
        try {
            HttpResponse<byte[]> response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
            if (response.statusCode() == 200) {
                return QueryResult.found(response.body());
            }
            return QueryResult.unavailable("peer " + uri + " answered " + response.statusCode() + ": "
                    + new String(response.body(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            return QueryResult.unavailable("peer " + uri + " is unreachable: " + e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return QueryResult.unavailable("interrupted while asking peer " + uri);
        }
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }
}
