package eu.clusternews.local;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

/** Questions about TCP ports on 127.0.0.1, the only address the local stack listens on. */
public final class LoopbackPorts {

    private static final InetAddress LOOPBACK = InetAddress.getLoopbackAddress();

    /** Where picks start: above the well-known and registered ports servers on a developer machine usually take. */
    private static final int PICK_RANGE_LOW = 20_000;

    /** A prime step, so that picks spread over the range and two JVMs starting together rarely pick alike. */
    private static final int PICK_STRIDE = 7_919;

    private static final AtomicInteger NEXT_PICK = new AtomicInteger(
            (int) (ProcessHandle.current().pid() * 31 + System.nanoTime() % 10_007) & Integer.MAX_VALUE);

    private static final Path EPHEMERAL_RANGE = Path.of("/proc/sys/net/ipv4/ip_local_port_range");

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

    /**
     * A port free on 127.0.0.1 at this moment, below the kernel's ephemeral range and not handed out again by this JVM
     * until the range is used up. A port the kernel assigns ({@code bind(0)}) comes from the ephemeral range, and between the pick and the
     * server binding it seconds later any outgoing connection may take it as its local port — the registry then exits
     * with "port in use". Ports below that range are only ever taken by servers binding them on purpose.
     */
    public static int pickFree() {
        int low = PICK_RANGE_LOW;
        int high = ephemeralRangeStart();
        if (high - low < 1_000) {
            return kernelAssigned(); // no room below the ephemeral range on this machine
        }
        int span = high - low;
        for (int attempt = 0; attempt < span; attempt++) {
            int port = low + Math.floorMod(NEXT_PICK.getAndAdd(PICK_STRIDE), span);
            if (isFree(port)) {
                return port;
            }
        }
        return kernelAssigned();
    }

    /** The first port of the kernel's ephemeral range (Linux), or 32 768 where it cannot be read. */
    static int ephemeralRangeStart() {
        try {
            // not Files.readString: it trusts the size /proc reports and returns a single character
            String[] bounds = Files.readAllLines(EPHEMERAL_RANGE).get(0).trim().split("\\s+");
            return Integer.parseInt(bounds[0]);
        } catch (IOException | RuntimeException e) {
            return 32_768;
        }
    }

    private static int kernelAssigned() {
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
