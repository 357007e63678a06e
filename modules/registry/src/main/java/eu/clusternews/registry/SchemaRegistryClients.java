package eu.clusternews.registry;

import java.util.Locale;
import java.util.Map;

/** Builds the client a configuration asks for: REST for http(s) URLs, the shared in-memory one for mock://SCOPE. */
public final class SchemaRegistryClients {

    private SchemaRegistryClients() {}

    /** The client for {@code schema.registry.url} (and the REST client's other keys, see {@link SchemaRegistryConfig}). */
    public static SchemaRegistryClient fromConfig(Map<String, ?> config) {
        String url = SchemaRegistryConfig.requiredString(config, SchemaRegistryConfig.SCHEMA_REGISTRY_URL);
        if (url.toLowerCase(Locale.ROOT).startsWith(SchemaRegistryConfig.MOCK_SCHEME)) {
            return MockSchemaRegistry.forScope(MockSchemaRegistry.scopeOf(url));
        }
        return new RestSchemaRegistryClient(config);
    }

    /** Closes a client a serde created itself; closing one releases nothing that matters to the caller. */
    static void closeQuietly(SchemaRegistryClient client) {
        if (client == null) {
            return;
        }
        try {
            client.close();
        } catch (Exception e) {
            // nothing to do: the serde is being closed anyway
        }
    }
}
