package eu.clusternews.registry;

/**
 * The registry does not know a schema id (HTTP 404 on /schemas/ids/{id}). Usually the bytes were written against
 * another registry, or the registry lost its data.
 */
public class UnknownSchemaIdException extends SchemaRegistryException {

    private final int id;

    public UnknownSchemaIdException(int id, String url) {
        super(
                "Schema id " + id + " is unknown to the registry at " + url
                        + ": the data was written against another registry, or this registry lost its schemas.",
                404,
                null);
        this.id = id;
    }

    public int id() {
        return id;
    }
}
