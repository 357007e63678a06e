package eu.clusternews.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;
import eu.clusternews.avro.Organisation;
import org.apache.avro.Schema;
import org.apache.kafka.common.config.ConfigException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The REST client against a scripted registry that serves the Confluent API under Apicurio's base path. */
class RestSchemaRegistryClientTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String SUBJECT = "ref-organisations-value";
    private static final Schema SCHEMA = AvroSchemas.withoutJavaProperties(Organisation.getClassSchema());

    @RegisterExtension
    final FakeSchemaRegistry registry = new FakeSchemaRegistry(FakeSchemaRegistry.APICURIO_CCOMPAT);

    private final RestSchemaRegistryClient client =
            new RestSchemaRegistryClient(FakeSchemaRegistry.clientConfig(registry.url()));

    private static String json(Object value) throws IOException {
        return JSON.writeValueAsString(value);
    }

    @Test
    void registersASchemaOnceAndAnswersFromTheCacheAfterwards() throws IOException {
        registry.answer("POST", "/subjects/" + SUBJECT + "/versions", 200, "{\"id\":7}");

        assertThat(client.register(SUBJECT, SCHEMA)).isEqualTo(7);
        assertThat(client.register(SUBJECT, SCHEMA)).isEqualTo(7);
        assertThat(client.getById(7)).isSameAs(SCHEMA);

        assertThat(registry.requests()).hasSize(1);
        FakeSchemaRegistry.Request request = registry.requests().get(0);
        assertThat(request.contentType()).isEqualTo("application/vnd.schemaregistry.v1+json");
        assertThat(JSON.readTree(request.body()).get("schema").asText()).isEqualTo(AvroSchemas.canonical(SCHEMA));
        assertThat(request.authorization()).isNull();
    }

    @Test
    void fetchesASchemaByIdOnceAndKeepsItForever() throws IOException {
        registry.answer("GET", "/schemas/ids/3", 200, json(Map.of("schema", SCHEMA.toString())));

        Schema first = client.getById(3);
        Schema second = client.getById(3);

        assertThat(AvroSchemas.sameCanonical(first, SCHEMA)).isTrue();
        assertThat(second).isSameAs(first);
        assertThat(registry.requests()).hasSize(1);
    }

    @Test
    void looksUpAnIdWithoutRegistering() throws IOException {
        registry.answer(
                "POST",
                "/subjects/" + SUBJECT,
                200,
                json(Map.of("subject", SUBJECT, "id", 4, "version", 2, "schema", SCHEMA.toString())));

        assertThat(client.getId(SUBJECT, SCHEMA)).isEqualTo(4);
        assertThat(registry.requests())
                .extracting(FakeSchemaRegistry.Request::pathAndQuery)
                .containsExactly("/subjects/" + SUBJECT);
    }

    @Test
    void aLookupOfAnUnregisteredSchemaSaysSoAndNamesTheSubject() {
        registry.answer("POST", "/subjects/" + SUBJECT, 404, "{\"error_code\":40403,\"message\":\"Schema not found\"}");
        registry.answer(
                "POST", "/subjects/nobody-value", 404, "{\"error_code\":40401,\"message\":\"Subject not found\"}");

        assertThatThrownBy(() -> client.getId(SUBJECT, SCHEMA))
                .isInstanceOf(SchemaNotRegisteredException.class)
                .hasMessageContaining(SUBJECT);
        assertThatThrownBy(() -> client.getId("nobody-value", SCHEMA))
                .isInstanceOf(SubjectNotFoundException.class)
                .hasMessageContaining("nobody-value");
    }

    @Test
    void readsTheLatestVersionOfASubject() throws IOException {
        registry.answer(
                "GET",
                "/subjects/" + SUBJECT + "/versions/latest",
                200,
                json(Map.of("subject", SUBJECT, "id", 9, "version", 3, "schema", SCHEMA.toString())));

        RegisteredSchema latest = client.getLatest(SUBJECT);

        assertThat(latest.subject()).isEqualTo(SUBJECT);
        assertThat(latest.id()).isEqualTo(9);
        assertThat(latest.version()).isEqualTo(3);
        assertThat(AvroSchemas.sameCanonical(latest.schema(), SCHEMA)).isTrue();
    }

    @Test
    void anUnknownSubjectIsSubjectNotFound() {
        registry.answer(
                "GET",
                "/subjects/nobody-value/versions/latest",
                404,
                "{\"error_code\":40401,\"message\":\"Subject 'nobody-value' not found.\"}");

        assertThatThrownBy(() -> client.getLatest("nobody-value"))
                .isInstanceOf(SubjectNotFoundException.class)
                .hasMessageContaining("nobody-value")
                .hasMessageContaining(registry.url());
    }

    @Test
    void anIncompatibleSchemaNamesTheSubjectAndCarriesTheRegistrysExplanation() {
        String explanation = "Incompatible schema: READER_FIELD_MISSING_DEFAULT_VALUE, field 'region' has no default";
        registry.answer(
                "POST",
                "/subjects/" + SUBJECT + "/versions",
                409,
                "{\"error_code\":409,\"message\":\"" + explanation + "\"}");

        assertThatThrownBy(() -> client.register(SUBJECT, SCHEMA))
                .isInstanceOfSatisfying(IncompatibleSchemaException.class, e -> {
                    assertThat(e.subject()).isEqualTo(SUBJECT);
                    assertThat(e.messages()).containsExactly(explanation);
                    assertThat(e.status()).isEqualTo(409);
                })
                .hasMessageContaining(SUBJECT)
                .hasMessageContaining("field 'region'");
        assertThat(registry.requests()).as("4xx is final, never retried").hasSize(1);
    }

    @Test
    void anInvalidSchemaIsReportedAsInvalid() {
        registry.answer(
                "POST",
                "/subjects/" + SUBJECT + "/versions",
                422,
                "{\"error_code\":42201,\"message\":\"Invalid schema: unknown type Thing\"}");

        assertThatThrownBy(() -> client.register(SUBJECT, SCHEMA))
                .isInstanceOf(InvalidSchemaException.class)
                .hasMessageContaining(SUBJECT)
                .hasMessageContaining("unknown type Thing");
        assertThat(registry.requests()).hasSize(1);
    }

    @Test
    void anUnknownSchemaIdNamesTheIdAndTheUrl() {
        registry.answer("GET", "/schemas/ids/404", 404, "{\"error_code\":40403,\"message\":\"Schema not found\"}");

        assertThatThrownBy(() -> client.getById(404))
                .isInstanceOfSatisfying(
                        UnknownSchemaIdException.class, e -> assertThat(e.id()).isEqualTo(404))
                .hasMessageContaining("Schema id 404")
                .hasMessageContaining(registry.url());
    }

    @Test
    void retriesAServerErrorAndSucceeds() {
        registry.answer("POST", "/subjects/" + SUBJECT + "/versions", 503, "{\"message\":\"starting\"}")
                .answer("POST", "/subjects/" + SUBJECT + "/versions", 500, "{\"message\":\"still starting\"}")
                .answer("POST", "/subjects/" + SUBJECT + "/versions", 200, "{\"id\":1}");

        assertThat(client.register(SUBJECT, SCHEMA)).isEqualTo(1);
        assertThat(registry.requests()).hasSize(3);
    }

    @Test
    void givesUpOnServerErrorsAfterTheConfiguredRetries() {
        registry.answer("GET", "/subjects", 503, "{\"message\":\"overloaded\"}");
        Map<String, Object> config = FakeSchemaRegistry.clientConfig(registry.url());
        config.put(SchemaRegistryConfig.MAX_RETRIES, "2");
        RestSchemaRegistryClient twoRetries = new RestSchemaRegistryClient(config);

        assertThatThrownBy(twoRetries::subjects)
                .isInstanceOfSatisfying(
                        RegistryUnreachableException.class,
                        e -> assertThat(e.status()).isEqualTo(503))
                .hasMessageContaining("503")
                .hasMessageContaining("overloaded")
                .hasMessageContaining("3 attempts");
        assertThat(registry.requests()).hasSize(3);
    }

    @Test
    void aRegistryThatIsNotThereIsUnreachableAndTheMessageNamesTheUrl() {
        String url = "http://127.0.0.1:" + FakeSchemaRegistry.unusedPort();
        RestSchemaRegistryClient nowhere = new RestSchemaRegistryClient(FakeSchemaRegistry.clientConfig(url, 1));

        assertThatThrownBy(() -> nowhere.register(SUBJECT, SCHEMA))
                .isInstanceOfSatisfying(
                        RegistryUnreachableException.class,
                        e -> assertThat(e.url()).isEqualTo(url))
                .hasMessageContaining("No schema registry answers at " + url)
                .hasMessageContaining("2 attempts")
                .hasMessageContaining("--schema-registry-url");
    }

    @Test
    void reportsCompatibilityWithTheRegistrysMessages() throws IOException {
        String path = "/compatibility/subjects/" + SUBJECT + "/versions/latest?verbose=true";
        registry.answer(
                "POST",
                path,
                200,
                json(Map.of(
                        "is_compatible", false, "messages", List.of("READER_FIELD_MISSING_DEFAULT_VALUE: region"))));

        CompatibilityResult result = client.testCompatibility(SUBJECT, SCHEMA);

        assertThat(result.compatible()).isFalse();
        assertThat(result.messages()).containsExactly("READER_FIELD_MISSING_DEFAULT_VALUE: region");
        assertThat(client.isCompatible(SUBJECT, SCHEMA)).isFalse();
    }

    @Test
    void aSubjectWithoutVersionsAcceptsAnySchema() {
        registry.answer(
                "POST",
                "/compatibility/subjects/new-value/versions/latest?verbose=true",
                404,
                "{\"error_code\":40401,\"message\":\"Subject not found\"}");

        assertThat(client.testCompatibility("new-value", SCHEMA).compatible()).isTrue();
    }

    @Test
    void readsAndSetsCompatibilityLevelsFallingBackToTheGlobalOne() {
        registry.answer("GET", "/config", 200, "{\"compatibilityLevel\":\"BACKWARD\"}")
                .answer("GET", "/config/" + SUBJECT + "?defaultToGlobal=true", 200, "{\"compatibilityLevel\":\"FULL\"}")
                .answer("GET", "/config/other-value?defaultToGlobal=true", 404, "{\"error_code\":40408}")
                .answer("PUT", "/config/" + SUBJECT, 200, "{\"compatibility\":\"NONE\"}")
                .answer("PUT", "/config", 422, "{\"error_code\":42203,\"message\":\"Invalid compatibility level\"}");

        assertThat(client.getCompatibility(null)).isEqualTo("BACKWARD");
        assertThat(client.getCompatibility(SUBJECT)).isEqualTo("FULL");
        assertThat(client.getCompatibility("other-value")).isEqualTo("BACKWARD");
        client.setCompatibility(SUBJECT, "none");
        assertThat(registry.requests().get(registry.requests().size() - 1).body())
                .isEqualTo("{\"compatibility\":\"NONE\"}");
        assertThatThrownBy(() -> client.setCompatibility(null, "SOMETIMES"))
                .isInstanceOf(InvalidSchemaException.class)
                .hasMessageContaining("Invalid compatibility level");
    }

    @Test
    void listsTheSubjectsSorted() {
        registry.answer("GET", "/subjects", 200, "[\"cluster-news-value\",\"cluster-activity-value\"]");

        assertThat(client.subjects()).containsExactly("cluster-activity-value", "cluster-news-value");
    }

    @Test
    void encodesSubjectsInThePath() {
        registry.answer("GET", "/subjects/a%20b%2Fc/versions/latest", 404, "{\"error_code\":40401}");

        assertThatThrownBy(() -> client.getLatest("a b/c")).isInstanceOf(SubjectNotFoundException.class);
        assertThat(registry.requests().get(0).pathAndQuery()).isEqualTo("/subjects/a%20b%2Fc/versions/latest");
    }

    @Test
    void sendsBasicAuthFromUserInfoAndNeverShowsThePassword() {
        registry.answer("GET", "/subjects", 200, "[]")
                .answer("GET", "/schemas/ids/1", 401, "{\"message\":\"Unauthorized\"}");
        Map<String, Object> config = FakeSchemaRegistry.clientConfig(registry.url());
        config.put(SchemaRegistryConfig.BASIC_AUTH_CREDENTIALS_SOURCE, "USER_INFO");
        config.put(SchemaRegistryConfig.BASIC_AUTH_USER_INFO, "alice:s3cret");
        RestSchemaRegistryClient withAuth = new RestSchemaRegistryClient(config);

        withAuth.subjects();

        assertThat(registry.requests().get(0).authorization()).isEqualTo("Basic YWxpY2U6czNjcmV0");
        assertThat(withAuth.toString()).doesNotContain("s3cret");
        assertThat(withAuth.url()).doesNotContain("s3cret");
        assertThatThrownBy(() -> withAuth.getById(1))
                .hasMessageContaining("401")
                .hasMessageContaining("basic.auth.user.info")
                .hasMessageNotContaining("s3cret");
    }

    @Test
    void takesCredentialsFromTheUrlAndLeavesThemOutOfIt() {
        registry.answer("GET", "/subjects", 200, "[]");
        String withCredentials = registry.url().replace("http://", "http://bob:pa55@");
        RestSchemaRegistryClient fromUrl = new RestSchemaRegistryClient(withCredentials);

        fromUrl.subjects();

        assertThat(registry.requests().get(0).authorization()).isEqualTo("Basic Ym9iOnBhNTU=");
        assertThat(fromUrl.url()).isEqualTo(registry.url());
    }

    @Test
    void rejectsAUrlThatIsNotHttpWithAClearMessage() {
        assertThatThrownBy(() -> new RestSchemaRegistryClient("localhost:8081"))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("schema.registry.url")
                .hasMessageContaining("http://");
        assertThatThrownBy(() -> new RestSchemaRegistryClient(Map.of()))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("schema.registry.url");
    }

    @Test
    void anAnswerThatIsNotJsonPointsAtTheUrl() {
        registry.answer("GET", "/subjects", 200, "<html>Welcome to Apicurio</html>");

        assertThatThrownBy(client::subjects)
                .isInstanceOf(SchemaRegistryException.class)
                .hasMessageContaining("not JSON")
                .hasMessageContaining("/apis/ccompat/v7");
    }
}
