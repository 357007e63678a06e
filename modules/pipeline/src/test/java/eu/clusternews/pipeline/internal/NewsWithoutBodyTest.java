package eu.clusternews.pipeline.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;

import eu.clusternews.avro.NewsEvent;
import eu.clusternews.avro.NewsKind;
import eu.clusternews.registry.ConfluentWireFormat;
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
