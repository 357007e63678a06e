package eu.clusternews.registry;

import static org.assertj.core.api.Assertions.assertThat;

import eu.clusternews.avro.ClusterActivity;
import eu.clusternews.avro.EnrichedNews;
import eu.clusternews.avro.NewsEvent;
import eu.clusternews.avro.Organisation;
import eu.clusternews.avro.ProgrammeActivity;
import org.apache.avro.specific.SpecificData;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Plain lists (and the slower reader they need) only where Avro's arrays would break equals. */
class JavaListSpecificDatumReaderTest {

    @ParameterizedTest(name = "{0}")
    @ValueSource(classes = {EnrichedNews.class, ClusterActivity.class, ProgrammeActivity.class})
    void recordsWithDatesInsideListsNeedPlainLists(Class<?> record) {
        assertThat(JavaListSpecificDatumReader.needsPlainLists(
                        SpecificData.get().getSchema(record)))
                .isTrue();
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(classes = {NewsEvent.class, Organisation.class})
    void recordsWithListsOfPlainValuesKeepTheFastReader(Class<?> record) {
        assertThat(JavaListSpecificDatumReader.needsPlainLists(
                        SpecificData.get().getSchema(record)))
                .isFalse();
    }
}
