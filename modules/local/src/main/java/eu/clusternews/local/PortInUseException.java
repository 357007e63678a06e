package eu.clusternews.local;

/**
 * A port the local stack needs is already taken on 127.0.0.1. The message names the port, what wanted it
 * and the command-line flag that picks another one, so a person can act on it.
 */
public class PortInUseException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final int port;

    /**
     * @param port    the taken port
     * @param purpose what wanted it, e.g. "the Kafka broker"
     * @param flag    the flag that changes it, e.g. "--kafka-port"
     */
    public PortInUseException(int port, String purpose, String flag) {
        super("Port " + port + " on 127.0.0.1 is already in use, so " + purpose + " cannot listen on it. "
                + "Stop whatever uses port " + port + " or choose another port with " + flag + ".");
        this.port = port;
    }

    /** The taken port. */
    public int port() {
        return port;
    }
}
