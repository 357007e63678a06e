package eu.clusternews.pipeline.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;

import eu.clusternews.avro.Location;
import eu.clusternews.avro.NewsEvent;
import eu.clusternews.avro.NewsKind;
import eu.clusternews.registry.ConfluentWireFormat;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.EncoderFactory;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificDatumWriter;
import org.apache.kafka.common.errors.SerializationException;
import org.junit.jupiter.api.Test;

class NewsWithoutBodyTest {

    private final NewsWithoutBody reader = new NewsWithoutBody();

    private static final NewsEvent NEWS = NewsEvent.newBuilder()
            .setId("news:1")
            .setSource("test:1")
            .setTitle("Treffen in Mönchengladbach")
            .setBody("Ein langer Text über Cluster – mit Umlauten: äöü ß. ".repeat(50))
            .setPublishedAt(LocalDate.of(2017, 5, 17))
            .setKind(NewsKind.MEETING)
            .setLanguage("de")
            .setPublisherId("org:bnpt")
            .setOrganisationIds(List.of("org:bnpt", "org:esca"))
            .setConsortiumIds(List.of("cons:inno-drop"))
            .setIngestedAt(Instant.parse("2026-01-05T08:00:00Z"))
            .build();

    @Test
    void readsEveryFieldButTheBodyWhichItLeavesNull() throws IOException {
        NewsEvent read = reader.read("cluster-news", wire(NEWS));

        assertThat(read.getBody()).isNull();
        NewsEvent expected = NewsEvent.newBuilder(NEWS).build();
        expected.setBody(null);
        assertThat(read).isEqualTo(expected);
        assertThat(reader.withBody("cluster-news", wire(NEWS))).isEqualTo(NEWS);
    }

    /** The reader follows a fixed layout; a change of NewsEvent's schema must change it too, and fails here until then. */
    @Test
    void theLayoutReadIsNewsEventsSchemaFieldByField() {
        List<String> schemaLayout = SchemaLayout.of(NewsEvent.getClassSchema()).stream()
                .map(field -> field.startsWith("body ") ? field + " (skipped)" : field)
                .toList();

        assertThat(NewsWithoutBody.LAYOUT).containsExactlyElementsOf(schemaLayout);
    }

    @Property(tries = 300)
    void readsAnyNewsAsAvrosReaderDoesButForTheBody(@ForAll("news") NewsEvent news) throws IOException {
        NewsEvent expected = NewsEvent.newBuilder(news).build();
        expected.setBody(null);

        assertThat(reader.read("cluster-news", wire(news))).isEqualTo(expected);
    }

    @Provide
    Arbitrary<NewsEvent> news() {
        Arbitrary<String> text = Arbitraries.strings().ofMaxLength(40); // any code points, surrogate pairs included
        Arbitrary<String> nullableText = text.injectNull(0.3);
        Arbitrary<LocalDate> dates = Arbitraries.integers()
                .between(-30_000, 80_000)
                .map(LocalDate::ofEpochDay)
                .injectNull(0.3);
        Arbitrary<List<String>> lists = text.list().ofMaxSize(4);
        Arbitrary<Location> locations = Combinators.combine(nullableText, nullableText)
                .as(Location::new)
                .injectNull(0.4);
        return Combinators.combine(
                        Combinators.combine(text, text, nullableText, text, nullableText, text, text)
                                .as((id, source, url, format, language, title, body) -> NewsEvent.newBuilder()
                                        .setId(id)
                                        .setSource(source)
                                        .setUrl(url)
                                        .setFormat(format)
                                        .setLanguage(language)
                                        .setTitle(title)
                                        .setBody(body)),
                        Combinators.combine(
                                        dates,
                                        Arbitraries.longs().between(0, 4_000_000_000_000L),
                                        Arbitraries.of(NewsKind.class),
                                        dates,
                                        dates,
                                        locations,
                                        nullableText,
                                        nullableText)
                                .as((published, ingested, kind, start, end, location, publisher, organiser) ->
                                        new Object[] {
                                            published, ingested, kind, start, end, location, publisher, organiser
                                        }),
                        Combinators.combine(lists, lists, lists, lists, lists).as(List::of))
                .as((builder, more, arrays) -> builder.setPublishedAt((LocalDate) more[0])
                        .setIngestedAt(Instant.ofEpochMilli((Long) more[1]))
                        .setKind((NewsKind) more[2])
                        .setEventStart((LocalDate) more[3])
                        .setEventEnd((LocalDate) more[4])
                        .setLocation((Location) more[5])
                        .setPublisherId((String) more[6])
                        .setOrganiserId((String) more[7])
                        .setOrganisationIds(arrays.get(0))
                        .setConsortiumIds(arrays.get(1))
                        .setProgrammeIds(arrays.get(2))
                        .setUnresolved(arrays.get(3))
                        .setPersons(arrays.get(4))
                        .build());
    }

    @Test
    void aTruncatedBodyIsCorruptDataNamingTheTopic() throws IOException {
        byte[] wire = wire(NEWS);
        byte[] truncated = Arrays.copyOf(wire, wire.length / 2); // cut inside the body

        assertThatThrownBy(() -> reader.read("cluster-news", truncated))
                .isInstanceOf(SerializationException.class)
                .hasMessageContaining("cluster-news")
                .hasMessageContaining("truncated or corrupt Avro data");
    }

    private static byte[] wire(NewsEvent news) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(ConfluentWireFormat.header(7));
        BinaryEncoder encoder = EncoderFactory.get().binaryEncoder(out, null);
        new SpecificDatumWriter<NewsEvent>(NewsEvent.getClassSchema(), SpecificData.getForClass(NewsEvent.class))
                .write(news, encoder);
        encoder.flush();
        return out.toByteArray();
    }
}
