package eu.clusternews.local;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.function.IntConsumer;

/** The check every local service shares: started on a port someone else holds, it says which port and which flag. */
final class TakenPort {

    private TakenPort() {}

    /**
     * Holds a free loopback port while {@code startOn} starts something on it, and asserts the start is refused with a
     * {@link PortInUseException} naming the port and {@code flag}, the option that picks another one.
     */
    static void assertRefusedNaming(String flag, IntConsumer startOn) throws IOException {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            int port = taken.getLocalPort();
            assertThatThrownBy(() -> startOn.accept(port))
                    .isInstanceOf(PortInUseException.class)
                    .hasMessageContaining("Port " + port + " on 127.0.0.1 is already in use")
                    .hasMessageContaining(flag);
        }
    }
}
