package eu.clusternews.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.Map;

import eu.clusternews.avro.Organisation;
import org.apache.avro.Schema;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.EncoderFactory;
import org.apache.avro.specific.SpecificDatumWriter;
import org.apache.kafka.common.errors.SerializationException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Outage or bad input: a registry that gives no usable answer is an outage (retried, then
 * {@link RegistryUnreachableException}); only its own "no such schema id" is the data's fault.
 */
class RegistryOutageTest {

    private static final Schema SCHEMA = AvroSchemas.withoutJavaProperties(Organisation.getClassSchema());
    private static final String SCHEMA_ANSWER = "{\"schema\":" + quoted(SCHEMA.toString()) + "}";

    @RegisterExtension
    final FakeSchemaRegistry registry = new FakeSchemaRegistry(FakeSchemaRegistry.APICURIO_CCOMPAT);

    private static String quoted(String text) {
        return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }

    @ParameterizedTest(name = "{0} {2}")
    @CsvSource(
            delimiter = '|',
            value = {
                "500 | {\"message\":\"boom\"}                                   | server error",
                "502 | <html>Bad gateway</html>                                 | proxy without a registry behind it",
                "503 | {\"message\":\"starting\"}                               | registry starting",
                "401 | {\"message\":\"Unauthorized\"}                           | credentials refused",
                "403 | {\"message\":\"Forbidden\"}                              | credentials without the right",
                "408 | ''                                                       | request timeout",
                "429 | {\"message\":\"slow down\"}                              | rate limited",
                "404 | {\"error_code\":0,\"message\":\"RESTEASY003210\"}        | 404 without the registry's code (wrong path)",
                "404 | <html>Not Found</html>                                   | 404 from a web server",
                "200 | <html>Please log in</html>                               | a login page instead of JSON"
            })
    void everyAnswerThatIsNotTheRegistrysIsAnOutageRetriedThenUnreachable(int status, String body, String what) {
        registry.answer("GET", "/schemas/ids/7", status, body);
        RestSchemaRegistryClient client =
                new RestSchemaRegistryClient(FakeSchemaRegistry.clientConfig(registry.url(), 2));

        assertThatThrownBy(() -> client.getById(7))
                .as(what)
                .isInstanceOfSatisfying(RegistryUnreachableException.class, e -> {
                    assertThat(e.status()).isEqualTo(status);
                    assertThat(e.url()).isEqualTo(registry.url());
                })
                .hasMessageContaining(registry.url())
                .hasMessageContaining("3 attempts");
        assertThat(registry.requests()).as("the first attempt and two retries").hasSize(3);
    }

    @Test
    void anUnknownSchemaIdIsOnlyTheRegistrysOwn404AndIsNotRetried() {
        // what Apicurio answers for an id it does not know
        registry.answer(
                "GET",
                "/schemas/ids/12345",
                404,
                "{\"error_code\":40403,\"message\":\"No content with id/hash 'contentId-12345' was found.\"}");
        RestSchemaRegistryClient client =
                new RestSchemaRegistryClient(FakeSchemaRegistry.clientConfig(registry.url(), 3));

        assertThatThrownBy(() -> client.getById(12345)).isExactlyInstanceOf(UnknownSchemaIdException.class);
        assertThat(registry.requests()).hasSize(1);
    }

    @Test
    void aRegistryThatComesBackWithinTheRetriesAnswersNormally() {
        registry.answer("GET", "/schemas/ids/7", 503, "{\"message\":\"starting\"}")
                .answer("GET", "/schemas/ids/7", 401, "{\"message\":\"auth backend down\"}")
                .answer("GET", "/schemas/ids/7", 200, SCHEMA_ANSWER);
        RestSchemaRegistryClient client =
                new RestSchemaRegistryClient(FakeSchemaRegistry.clientConfig(registry.url(), 3));

        assertThat(AvroSchemas.sameCanonical(client.getById(7), SCHEMA)).isTrue();
        assertThat(registry.requests()).hasSize(3);
    }

    @Test
    void aRegistryThatHangsTimesOutAndIsUnreachable() {
        registry.answerAfter("GET", "/schemas/ids/7", 3_000, 200, SCHEMA_ANSWER);
        Map<String, Object> config = FakeSchemaRegistry.clientConfig(registry.url(), 1);
        config.put(SchemaRegistryConfig.HTTP_READ_TIMEOUT_MS, 200);
        RestSchemaRegistryClient client = new RestSchemaRegistryClient(config);

        long started = System.nanoTime();
        assertThatThrownBy(() -> client.getById(7))
                .isInstanceOfSatisfying(
                        RegistryUnreachableException.class,
                        e -> assertThat(e).hasRootCauseInstanceOf(HttpTimeoutException.class))
                .hasMessageContaining("No schema registry answers at " + registry.url())
                .hasMessageContaining("2 attempts");
        assertThat(Duration.ofNanos(System.nanoTime() - started))
                .as("two timed-out attempts, not two 3 s answers")
                .isLessThan(Duration.ofMillis(2_500));
    }

    @Test
    void waitsLongerBeforeEachRetryUpToTheLongestWait() {
        registry.answer("GET", "/subjects", 503, "{}");
        Map<String, Object> config = FakeSchemaRegistry.clientConfig(registry.url(), 4);
        config.put(SchemaRegistryConfig.RETRIES_WAIT_MS, 100);
        config.put(SchemaRegistryConfig.RETRIES_MAX_WAIT_MS, 250);
        RestSchemaRegistryClient client = new RestSchemaRegistryClient(config);

        long started = System.nanoTime();
        assertThatThrownBy(client::subjects).isInstanceOf(RegistryUnreachableException.class);

        // waits of 100, 200, 250 and 250 ms: bounded by the longest wait, not doubling to 800
        assertThat(Duration.ofNanos(System.nanoTime() - started))
                .isBetween(Duration.ofMillis(800), Duration.ofMillis(3_000));
        assertThat(registry.requests()).hasSize(5);
    }

    @Test
    void failsOverToTheNextUrlWhenOneDoesNotAnswerAndStaysThere() {
        int deadPort = FakeSchemaRegistry.unusedPort();
        registry.answer("GET", "/subjects", 200, "[\"a-value\"]");
        String urls = "http://127.0.0.1:" + deadPort + "/apis/ccompat/v7, " + registry.url();
        RestSchemaRegistryClient client = new RestSchemaRegistryClient(FakeSchemaRegistry.clientConfig(urls, 0));

        assertThat(client.subjects()).containsExactly("a-value");
        assertThat(client.subjects()).containsExactly("a-value");

        assertThat(registry.requests()).hasSize(2);
        assertThat(client.url()).isEqualTo("http://127.0.0.1:" + deadPort + "/apis/ccompat/v7," + registry.url());
    }

    @Test
    void failsOverOnAServerErrorAndNamesEveryUrlWhenAllAreDown() {
        try (FakeSchemaRegistry second = new FakeSchemaRegistry(FakeSchemaRegistry.APICURIO_CCOMPAT)) {
            registry.answer("GET", "/schemas/ids/7", 503, "{\"message\":\"leader election\"}");
            second.answer("GET", "/schemas/ids/7", 200, SCHEMA_ANSWER);
            RestSchemaRegistryClient client = new RestSchemaRegistryClient(
                    FakeSchemaRegistry.clientConfig(registry.url() + "," + second.url(), 0));

            assertThat(AvroSchemas.sameCanonical(client.getById(7), SCHEMA)).isTrue();
            assertThat(registry.requests()).hasSize(1);
            assertThat(second.requests()).hasSize(1);

            second.answer("GET", "/schemas/ids/8", 500, "{}");
            registry.answer("GET", "/schemas/ids/8", 500, "{}");
            assertThatThrownBy(() -> client.getById(8))
                    .isInstanceOf(RegistryUnreachableException.class)
                    .hasMessageContaining("2 attempts");
        }
    }

    @Test
    void theDeserializerThrowsAnOutageAsSuchAndOnlyBadBytesAsSerializationException() throws IOException {
        registry.answer("GET", "/schemas/ids/7", 503, "{\"message\":\"down\"}")
                .answer("GET", "/schemas/ids/7", 200, SCHEMA_ANSWER)
                .answer("GET", "/schemas/ids/9", 404, "{\"error_code\":40403,\"message\":\"Schema 9 not found\"}")
                .answer("GET", "/schemas/ids/11", 400, "{\"error_code\":400,\"message\":\"Bad request\"}");
        RestSchemaRegistryClient client =
                new RestSchemaRegistryClient(FakeSchemaRegistry.clientConfig(registry.url(), 0));
        SpecificAvroDeserializer<Organisation> deserializer =
                new SpecificAvroDeserializer<>(Organisation.class, client);
        deserializer.configure(Map.of(), false);
        Organisation organisation = SampleRecords.sample(Organisation.class, 1);

        assertThatThrownBy(() -> deserializer.deserialize("ref-organisations", bytes(7, organisation)))
                .isInstanceOf(RegistryUnreachableException.class)
                .isNotInstanceOf(SerializationException.class)
                .hasMessageContaining("ref-organisations")
                .hasMessageContaining("503");
        assertThat(deserializer.deserialize("ref-organisations", bytes(7, organisation)))
                .as("the same bytes once the registry answers")
                .isEqualTo(organisation);
        assertThatThrownBy(() -> deserializer.deserialize("ref-organisations", bytes(9, organisation)))
                .isInstanceOf(SerializationException.class)
                .hasMessageContaining("unknown schema id 9");
        assertThatThrownBy(() -> deserializer.deserialize("ref-organisations", bytes(11, organisation)))
                .as("an answer that is neither the schema nor 'no such id'")
                .isInstanceOf(RegistryUnreachableException.class)
                .hasMessageContaining("400");
    }

    @Test
    void theInMemoryRegistryCanBeDownLikeTheRealOne() {
        InMemorySchemaRegistryClient memory = new InMemorySchemaRegistryClient();
        int id = memory.register("s-value", SCHEMA);

        memory.simulateOutage(503);
        assertThatThrownBy(() -> memory.getById(id))
                .isInstanceOfSatisfying(
                        RegistryUnreachableException.class,
                        e -> assertThat(e.status()).isEqualTo(503));
        memory.simulateOutage(-1);
        assertThatThrownBy(() -> memory.register("s-value", SCHEMA))
                .isInstanceOf(RegistryUnreachableException.class)
                .hasMessageContaining("No schema registry answers");
        memory.endOutage();

        assertThat(memory.getById(id)).isEqualTo(SCHEMA);
    }

    @Test
    void foundInLooksThroughTheCauses() {
        RegistryUnreachableException outage = new RegistryUnreachableException("down", "http://r", 503, null);

        assertThat(RegistryUnreachableException.foundIn(new SerializationException("x", new RuntimeException(outage))))
                .isTrue();
        assertThat(RegistryUnreachableException.foundIn(
                        new SerializationException("x", new UnknownSchemaIdException(1, "http://r"))))
                .isFalse();
        assertThat(RegistryUnreachableException.foundIn(null)).isFalse();
    }

    private static byte[] bytes(int schemaId, Organisation organisation) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(ConfluentWireFormat.header(schemaId));
        BinaryEncoder encoder = EncoderFactory.get().binaryEncoder(out, null);
        new SpecificDatumWriter<>(Organisation.class).write(organisation, encoder);
        encoder.flush();
        return out.toByteArray();
    }
}
