package eu.clusternews.local;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.time.Duration;

/** Questions about TCP ports on 127.0.0.1, the only address the local stack listens on. */
public final class LoopbackPorts {

    private static final InetAddress LOOPBACK = InetAddress.getLoopbackAddress();

    private LoopbackPorts() {}

    /** True when a server socket can bind the port on 127.0.0.1 right now. */
    public static boolean isFree(int port) {
        try (ServerSocket socket = new ServerSocket()) {
            // like Kafka and the registry do: connections lingering in TIME_WAIT do not make a port taken
            socket.setReuseAddress(true);
            socket.bind(new InetSocketAddress(LOOPBACK, port));
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /** Throws {@link PortInUseException} naming the port, its purpose and the flag that changes it when it is taken. */
    public static void requireFree(int port, String purpose, String flag) {
        if (!isFree(port)) {
            throw new PortInUseException(port, purpose, flag);
        }
    }

    /** A port the operating system considers free on 127.0.0.1 at this moment. */
    public static int pickFree() {
        try (ServerSocket socket = new ServerSocket(0, 1, LOOPBACK)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot find a free port on 127.0.0.1", e);
        }
    }

    /** Waits up to {@code timeout} for the port to become free; returns whether it did. */
    public static boolean awaitFree(int port, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!isFree(port)) {
            if (System.nanoTime() > deadline) {
                return false;
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
        return true;
    }
}
