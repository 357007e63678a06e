package eu.clusternews.registry;

import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import org.apache.kafka.common.config.ConfigException;

/**
 * The Authorization header (and Confluent Cloud's extra headers) from Confluent's keys. Error messages name keys,
 * never values: a value in the wrong place may be a password.
 */
final class RegistryAuthentication {

    private RegistryAuthentication() {}

    /**
     * The Authorization header configured by basic.auth.* or bearer.auth.*, or null when there is none (or when the
     * credentials come from each URL's user info: see {@link #basicFromUrl}).
     */
    static String authorization(Map<String, ?> config, boolean urlHasUserInfo) {
        String basic = configuredBasic(config, urlHasUserInfo);
        String bearer = bearer(config);
        if (basic != null && bearer != null) {
            throw new ConfigException(
                    "Both basic and bearer authentication are configured for the schema registry: set "
                            + SchemaRegistryConfig.BASIC_AUTH_USER_INFO + " or "
                            + SchemaRegistryConfig.BEARER_AUTH_TOKEN + ", not both.");
        }
        return basic != null ? basic : bearer;
    }

    /** Basic auth from a URL's {@code user:password@}, when basic.auth.credentials.source is URL (its default). */
    static String basicFromUrl(URI uri) {
        String userInfo = uri.getRawUserInfo();
        if (userInfo == null || userInfo.isEmpty()) {
            return null;
        }
        String decoded = URLDecoder.decode(userInfo, StandardCharsets.UTF_8);
        if (!decoded.contains(":")) {
            throw new ConfigException("The user info in " + SchemaRegistryConfig.SCHEMA_REGISTRY_URL
                    + " must have the form user:password@host");
        }
        return basic(decoded);
    }

    /** Confluent Cloud's routing headers, when configured. */
    static Map<String, String> extraHeaders(Map<String, ?> config) {
        Map<String, String> headers = new LinkedHashMap<>();
        String cluster = SchemaRegistryConfig.string(config, SchemaRegistryConfig.BEARER_AUTH_LOGICAL_CLUSTER, null);
        if (cluster != null) {
            headers.put("target-sr-cluster", cluster);
        }
        String pool = SchemaRegistryConfig.string(config, SchemaRegistryConfig.BEARER_AUTH_IDENTITY_POOL_ID, null);
        if (pool != null) {
            headers.put("Confluent-Identity-Pool-Id", pool);
        }
        return Map.copyOf(headers);
    }

    private static String configuredBasic(Map<String, ?> config, boolean urlHasUserInfo) {
        String userInfo = SchemaRegistryConfig.string(
                config,
                SchemaRegistryConfig.BASIC_AUTH_USER_INFO,
                SchemaRegistryConfig.string(config, SchemaRegistryConfig.SCHEMA_REGISTRY_BASIC_AUTH_USER_INFO, null));
        String source = SchemaRegistryConfig.string(
                        config,
                        SchemaRegistryConfig.BASIC_AUTH_CREDENTIALS_SOURCE,
                        userInfo != null ? "USER_INFO" : "URL")
                .toUpperCase(Locale.ROOT);
        switch (source) {
            case "USER_INFO" -> {
                if (userInfo == null) {
                    throw new ConfigException(SchemaRegistryConfig.BASIC_AUTH_CREDENTIALS_SOURCE + "=USER_INFO needs "
                            + SchemaRegistryConfig.BASIC_AUTH_USER_INFO + "=user:password");
                }
                if (!userInfo.contains(":")) {
                    throw new ConfigException(
                            SchemaRegistryConfig.BASIC_AUTH_USER_INFO + " must have the form user:password");
                }
                if (urlHasUserInfo) {
                    throw new ConfigException(SchemaRegistryConfig.SCHEMA_REGISTRY_URL
                            + " carries user:password@ while " + SchemaRegistryConfig.BASIC_AUTH_CREDENTIALS_SOURCE
                            + "=USER_INFO: give the credentials in one place");
                }
                return basic(userInfo);
            }
            case "URL" -> {
                return null; // per URL, see basicFromUrl
            }
            default ->
                throw new ConfigException(
                        SchemaRegistryConfig.BASIC_AUTH_CREDENTIALS_SOURCE,
                        source,
                        "supported: USER_INFO (" + SchemaRegistryConfig.BASIC_AUTH_USER_INFO + "=user:password) or URL"
                                + " (https://user:password@host:port)");
        }
    }

    private static String bearer(Map<String, ?> config) {
        String token = SchemaRegistryConfig.string(config, SchemaRegistryConfig.BEARER_AUTH_TOKEN, null);
        String source = SchemaRegistryConfig.string(
                config, SchemaRegistryConfig.BEARER_AUTH_CREDENTIALS_SOURCE, token != null ? "STATIC_TOKEN" : null);
        if (source == null) {
            return null;
        }
        if (!source.equalsIgnoreCase("STATIC_TOKEN")) {
            throw new ConfigException(
                    SchemaRegistryConfig.BEARER_AUTH_CREDENTIALS_SOURCE,
                    source,
                    "supported: STATIC_TOKEN (the token in " + SchemaRegistryConfig.BEARER_AUTH_TOKEN
                            + "); fetch OAuth tokens" + " outside clusternews and pass them as a static token");
        }
        if (token == null) {
            throw new ConfigException(SchemaRegistryConfig.BEARER_AUTH_CREDENTIALS_SOURCE + "=STATIC_TOKEN needs "
                    + SchemaRegistryConfig.BEARER_AUTH_TOKEN);
        }
        return "Bearer " + token;
    }

    private static String basic(String userColonPassword) {
        return "Basic " + Base64.getEncoder().encodeToString(userColonPassword.getBytes(StandardCharsets.UTF_8));
    }
}
