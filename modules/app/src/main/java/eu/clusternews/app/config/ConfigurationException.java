package eu.clusternews.app.config;

/** A configuration the user gave cannot be used; the message says which and why. */
public final class ConfigurationException extends RuntimeException {
    public ConfigurationException(String message) {
        super(message);
    }
}
