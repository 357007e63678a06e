package eu.clusternews.registry;

/**
 * The registry holds a schema of another type (PROTOBUF, JSON) under the id a record names: the record was not
 * written as Avro, which is the record's fault, not the registry's.
 */
public class UnsupportedSchemaTypeException extends SchemaRegistryException {

    public UnsupportedSchemaTypeException(String message) {
        super(message, 200, null);
    }
}
