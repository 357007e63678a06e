package eu.clusternews.registry;

/**
 * The registry gave no usable answer: an outage, never a fault of the data being read or written. Nothing answered
 * (connection refused, unknown host, TLS handshake failure, timeout), or the answer was a 5xx, 408 or 429, a 401/403
 * (credentials refused), a 404 that is not the registry's own "not found", or not the registry's JSON (a proxy's page).
 *
 * <p>The client has already retried with backoff (and tried the other URLs) before throwing it. The same request may
 * succeed later, so a caller decoding a record must fail and try that record again, never skip it or dead-letter it.
 * {@link #foundIn} tells whether a failure was caused by one.
 */
public class RegistryUnreachableException extends SchemaRegistryException {

    private final String url;

    /** Nothing answered at the URL, after this many attempts. */
    public RegistryUnreachableException(String url, int attempts, Throwable cause) {
        this(
                "No schema registry answers at " + url + " (" + attempts + (attempts == 1 ? " attempt" : " attempts")
                        + ", last error: " + describe(cause) + ")." + hint(cause),
                url,
                -1,
                cause);
    }

    /** An outage described by the message; status is the HTTP status answered, or -1 when nothing answered. */
    public RegistryUnreachableException(String message, String url, int status, Throwable cause) {
        super(message, status, cause);
        this.url = url;
    }

    /** The registry URL that did not answer usefully (without credentials). */
    public String url() {
        return url;
    }

    /** True when this failure or one of its causes is a registry outage (as opposed to bad data). */
    public static boolean foundIn(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof RegistryUnreachableException) {
                return true;
            }
            if (t.getCause() == t) {
                return false;
            }
        }
        return false;
    }

    private static String hint(Throwable cause) {
        for (Throwable t = cause; t != null; t = t.getCause()) {
            if (t instanceof javax.net.ssl.SSLHandshakeException
                    || t instanceof java.security.cert.CertificateException) {
                return " The registry's TLS certificate is not trusted or does not name this host: set "
                        + SchemaRegistryConfig.SSL_TRUSTSTORE_LOCATION + " (and "
                        + SchemaRegistryConfig.SSL_TRUSTSTORE_PASSWORD
                        + ") to a truststore holding the CA that signed it, and check that it has a subject alternative name for"
                        + " the host in " + SchemaRegistryConfig.SCHEMA_REGISTRY_URL + ".";
            }
        }
        return " Is the registry running? Check --schema-registry-url (" + SchemaRegistryConfig.SCHEMA_REGISTRY_URL
                + ").";
    }

    static String describe(Throwable cause) {
        if (cause == null) {
            return "none";
        }
        // the innermost cause says what went wrong (PKIX path building failed, Connection refused, ...)
        Throwable root = cause;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = cause.getMessage();
        String text = cause.getClass().getSimpleName() + (message == null || message.isBlank() ? "" : ": " + message);
        if (root != cause && root.getMessage() != null && (message == null || !message.contains(root.getMessage()))) {
            text += " (" + root.getClass().getSimpleName() + ": " + root.getMessage() + ")";
        }
        return text;
    }
}
