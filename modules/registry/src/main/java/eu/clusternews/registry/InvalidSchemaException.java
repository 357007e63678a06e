package eu.clusternews.registry;

/** The registry could not accept the request's content: an invalid schema, version or compatibility level (HTTP 422). */
public class InvalidSchemaException extends SchemaRegistryException {

    private final String subject;

    public InvalidSchemaException(String subject, String url, String registryMessage) {
        super(
                "The registry at " + url + " rejected the request for subject '" + subject + "' as invalid (422): "
                        + registryMessage,
                422,
                null);
        this.subject = subject;
    }

    public String subject() {
        return subject;
    }
}
