package eu.clusternews.history;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import eu.clusternews.avro.NewsEvent;
import eu.clusternews.avro.NewsKind;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;
import org.junit.jupiter.api.Test;

class ReadableJsonTest {

    private static final NewsEvent SEED = NewsEvent.newBuilder()
            .setId("news:1")
            .setSource("seed.txt")
            .setTitle("Cluster Excellence training")
            .setPublishedAt(LocalDate.of(2017, 5, 17))
            .setIngestedAt(Instant.parse("2026-11-28T10:15:30Z"))
            .setKind(NewsKind.TRAINING)
            .setPublisherId("org:bnpt")
            .setOrganisationIds(List.of("org:bnpt", "org:x"))
            .build();

    /** The same record as GenericAvroDeserializer returns it: logical types as their underlying values. */
    private static GenericRecord generic(NewsEvent event) {
        GenericData.Record record = new GenericData.Record(NewsEvent.getClassSchema());
        for (var field : NewsEvent.getClassSchema().getFields()) {
            Object value = event.get(field.pos());
            if (value instanceof LocalDate date) {
                value = (int) date.toEpochDay();
            } else if (value instanceof Instant instant) {
                value = instant.toEpochMilli();
            } else if (value instanceof NewsKind kind) {
                value = new GenericData.EnumSymbol(field.schema(), kind.name());
            }
            record.put(field.pos(), value);
        }
        return record;
    }

    @Test
    void datesAreIsoDatesAndTimestampsIsoInstants() {
        JsonNode json = ReadableJson.of(generic(SEED));

        assertThat(json.get("publishedAt").asText()).isEqualTo("2017-05-17");
        assertThat(json.get("ingestedAt").asText()).isEqualTo("2026-11-28T10:15:30Z");
    }

    @Test
    void unionsAreUnwrappedAndEnumsAreSymbols() {
        JsonNode json = ReadableJson.of(generic(SEED));

        assertThat(json.get("publisherId").isTextual()).isTrue();
        assertThat(json.get("publisherId").asText()).isEqualTo("org:bnpt");
        assertThat(json.get("url").isNull()).isTrue();
        assertThat(json.get("kind").asText()).isEqualTo("TRAINING");
        assertThat(json.get("organisationIds")).hasSize(2);
    }

    @Test
    void aSpecificRecordReadsTheSameAsItsGenericForm() {
        assertThat(ReadableJson.of(SEED)).isEqualTo(ReadableJson.of(generic(SEED)));
    }

    @Test
    void fieldsKeepTheSchemaOrder() {
        List<String> names = new ArrayList<>();
        ReadableJson.of(SEED).fieldNames().forEachRemaining(names::add);

        assertThat(names).startsWith("id", "source", "url", "format", "language", "title");
    }
}
