package eu.clusternews.registry;

/** No schema is registered under a subject (HTTP 404, error 40401). */
public class SubjectNotFoundException extends SchemaRegistryException {

    private final String subject;

    public SubjectNotFoundException(String subject, String url) {
        super(
                "Subject '" + subject + "' does not exist at the registry " + url
                        + ": no schema has been registered under it (run setup, or enable auto.register.schemas).",
                404,
                null);
        this.subject = subject;
    }

    public String subject() {
        return subject;
    }
}
