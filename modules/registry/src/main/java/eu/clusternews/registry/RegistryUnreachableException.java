package eu.clusternews.registry;

/** Nothing answers at the registry URL (connection refused, unknown host, timeout), even after the retries. */
public class RegistryUnreachableException extends SchemaRegistryException {

  private final String url;

  public RegistryUnreachableException(String url, int attempts, Throwable cause) {
    super("No schema registry answers at " + url + " (" + attempts + (attempts == 1 ? " attempt" : " attempts")
        + ", last error: " + describe(cause) + "). Is the registry running? Check --schema-registry-url"
        + " (schema.registry.url).", -1, cause);
    this.url = url;
  }

  /** The registry URL that did not answer (without credentials). */
  public String url() {
    return url;
  }

  private static String describe(Throwable cause) {
    if (cause == null) {
      return "none";
    }
    String message = cause.getMessage();
    return cause.getClass().getSimpleName() + (message == null || message.isBlank() ? "" : ": " + message);
  }
}
