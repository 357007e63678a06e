package eu.clusternews.ingest.extract;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import eu.clusternews.ingest.TestData;
import eu.clusternews.ingest.read.DocumentReaders;
import org.junit.jupiter.api.Test;

class ExtractionJsonTest {

    private final Extraction seed = TestData.extractor()
            .extract(new DocumentReaders()
                    .read(TestData.seeds()
                            .resolve("news/2017-05-17_de_balticnet-plasmatec_cluster-excellence-training.txt"))
                    .documents()
                    .get(0));

    @Test
    void writesTheExtractFieldsOfTheIssueOnOneLine() throws Exception {
        String line = ExtractionJson.toJsonLine(seed);
        assertThat(line).doesNotContain("\n");
        JsonNode o = new ObjectMapper().readTree(line);
        assertThat(o.get("id").asText()).isEqualTo(seed.id());
        assertThat(o.get("source").asText()).endsWith("cluster-excellence-training.txt");
        assertThat(o.get("language").asText()).isEqualTo("de");
        assertThat(o.get("publishedAt").asText()).isEqualTo("2017-05-17");
        assertThat(o.get("kind").asText()).isEqualTo("training");
        assertThat(o.get("eventStart").asText()).isEqualTo("2017-04-25");
        assertThat(o.get("eventEnd").asText()).isEqualTo("2017-04-28");
        assertThat(o.at("/location/city").asText()).isEqualTo("Berlin");
        assertThat(o.at("/location/country").asText()).isEqualTo("DE");
        assertThat(o.at("/mentions/consortia").toString()).isEqualTo("[\"cons:inno-drop\",\"cons:clusgrid\"]");
        assertThat(o.at("/mentions/organisations")).hasSize(3);
        assertThat(o.at("/mentions/programmes")).hasSize(2);
        assertThat(o.get("unresolved").isArray()).isTrue();
        assertThat(o.get("persons")).hasSize(2);
    }

    @Test
    void writesNullForWhatIsNotStated() throws Exception {
        Extraction undated = TestData.extractor()
                .extract(new DocumentReaders()
                        .read(Path.of("src/test/resources/documents/de_ohne_datum.txt"))
                        .documents()
                        .get(0));
        JsonNode o = new ObjectMapper().readTree(ExtractionJson.toJsonLine(undated));
        assertThat(o.get("publishedAt").isNull()).isTrue();
        assertThat(o.get("eventStart").isNull()).isTrue();
    }

    @Test
    void writesAReadableTextBlock() {
        assertThat(ExtractionJson.toText(seed))
                .contains("kind:", "training", "2017-04-25 .. 2017-04-28", "Berlin, DE", "cons:inno-drop");
    }
}
