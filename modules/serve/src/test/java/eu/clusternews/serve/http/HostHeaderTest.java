package eu.clusternews.serve.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

import eu.clusternews.serve.fake.InMemoryActivityQueries;
import eu.clusternews.serve.fake.SeedData;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class HostHeaderTest {

    private ClusterNewsServer server;

    @BeforeEach
    void startServer() {
        server = ClusterNewsServer.builder(SeedData.load(new InMemoryActivityQueries()))
                .host("127.0.0.1")
                .port(0)
                .start();
    }

    @AfterEach
    void stop() {
        server.close();
    }

    /** The status line of a GET with this Host header (the JDK's HTTP client does not let a caller set Host). */
    private String statusFor(String path, String host) throws IOException {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", server.port()), 2_000);
            socket.setSoTimeout(5_000);
            OutputStream out = socket.getOutputStream();
            out.write(("GET " + path + " HTTP/1.1\r\nHost: " + host + "\r\nConnection: close\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = socket.getInputStream();
            String response = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            return response.substring(0, response.indexOf("\r\n"));
        }
    }

    @Test
    void aLoopbackServerRefusesRequestsAddressedToAnotherHostNameAsInDnsRebinding() throws IOException {
        assertThat(statusFor("/api/clusters", "attacker.example:" + server.port()))
                .contains(" 403");
        assertThat(statusFor("/", "attacker.example")).contains(" 403");
        assertThat(statusFor("/internal/v1/stores/x/all?partitions=0", "attacker.example"))
                .contains(" 403");
    }

    @Test
    void aLoopbackServerAnswersLocalhostAndLoopbackAddresses() throws IOException {
        assertThat(statusFor("/api/clusters", "localhost:" + server.port())).contains(" 200");
        assertThat(statusFor("/api/clusters", "127.0.0.1:" + server.port())).contains(" 200");
        assertThat(statusFor("/api/clusters", "127.0.0.3")).contains(" 200");
        assertThat(statusFor("/api/clusters", "[::1]:" + server.port())).contains(" 200");
    }
}
