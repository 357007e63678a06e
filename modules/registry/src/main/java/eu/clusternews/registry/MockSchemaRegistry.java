package eu.clusternews.registry;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * In-memory registries shared per scope: {@code schema.registry.url=mock://SCOPE} in any serde's configuration gives
 * every serde with that URL the same registry in this JVM (Confluent's convention), so a TopologyTestDriver test
 * needs no registry process. Drop the scope after the test.
 */
public final class MockSchemaRegistry {

    private static final Map<String, InMemorySchemaRegistryClient> SCOPES = new ConcurrentHashMap<>();

    private MockSchemaRegistry() {}

    /** The registry of this scope, created empty on first use. */
    public static InMemorySchemaRegistryClient forScope(String scope) {
        return SCOPES.computeIfAbsent(
                scope, s -> new InMemorySchemaRegistryClient(SchemaRegistryConfig.MOCK_SCHEME + s));
    }

    /** Forgets the registry of this scope; the next use starts empty. */
    public static void dropScope(String scope) {
        SCOPES.remove(scope);
    }

    /** The scope named by a {@code mock://SCOPE} URL. */
    static String scopeOf(String mockUrl) {
        String scope =
                mockUrl.substring(SchemaRegistryConfig.MOCK_SCHEME.length()).replaceAll("/+$", "");
        if (scope.isEmpty()) {
            throw new org.apache.kafka.common.config.ConfigException(
                    SchemaRegistryConfig.SCHEMA_REGISTRY_URL,
                    mockUrl,
                    "a mock registry URL needs a scope name, e.g. mock://my-test");
        }
        return scope;
    }
}
