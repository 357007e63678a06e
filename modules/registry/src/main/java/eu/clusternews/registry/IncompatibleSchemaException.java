package eu.clusternews.registry;

import java.util.List;

/**
 * The registry refused a schema because it breaks the compatibility rule of the subject (HTTP 409). The messages are
 * the registry's own explanation; they usually name the field at fault.
 */
public class IncompatibleSchemaException extends SchemaRegistryException {

    private final String subject;
    private final List<String> messages;

    public IncompatibleSchemaException(String subject, String url, List<String> messages) {
        super(
                "Schema is incompatible with the schemas registered under subject '" + subject + "' at " + url
                        + (messages.isEmpty() ? "" : ": " + String.join("; ", messages))
                        + ". Give new fields a default, or change the subject's compatibility level on purpose.",
                409,
                null);
        this.subject = subject;
        this.messages = List.copyOf(messages);
    }

    public String subject() {
        return subject;
    }

    /** What the registry said is incompatible. */
    public List<String> messages() {
        return messages;
    }
}
