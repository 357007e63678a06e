package eu.clusternews.registry;

import static org.assertj.core.api.Assertions.assertThat;

import eu.clusternews.avro.ClusterActivity;
import eu.clusternews.avro.EnrichedNews;
import eu.clusternews.avro.NewsEvent;
import eu.clusternews.avro.Organisation;
import eu.clusternews.avro.ProgrammeActivity;
import org.junit.jupiter.api.Test;

/** Plain lists (and the slower reader they need) only where Avro's arrays would break equals. */
class JavaListSpecificDatumReaderTest {

    @Test
    void recordsWithDatesInsideListsNeedPlainLists() {
        assertThat(JavaListSpecificDatumReader.needsPlainLists(EnrichedNews.getClassSchema()))
                .isTrue();
        assertThat(JavaListSpecificDatumReader.needsPlainLists(ClusterActivity.getClassSchema()))
                .isTrue();
        assertThat(JavaListSpecificDatumReader.needsPlainLists(ProgrammeActivity.getClassSchema()))
                .isTrue();
    }

    @Test
    void recordsWithListsOfPlainValuesKeepTheFastReader() {
        assertThat(JavaListSpecificDatumReader.needsPlainLists(NewsEvent.getClassSchema()))
                .isFalse();
        assertThat(JavaListSpecificDatumReader.needsPlainLists(Organisation.getClassSchema()))
                .isFalse();
    }
}
