package eu.clusternews.registry;

/** The subject exists but this exact schema is not one of its versions (HTTP 404, error 40403 on a lookup). */
public class SchemaNotRegisteredException extends SchemaRegistryException {

    private final String subject;

    public SchemaNotRegisteredException(String subject, String url) {
        super(
                "This schema is not registered under subject '" + subject + "' at " + url
                        + ": register it (run setup, or enable auto.register.schemas) before writing with it.",
                404,
                null);
        this.subject = subject;
    }

    public String subject() {
        return subject;
    }
}
