package eu.clusternews.ingest.publish;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;

import eu.clusternews.avro.NewsEvent;
import org.junit.jupiter.api.Test;

class NewsPublisherTest {

    private static final Instant INGESTED = Instant.parse("2026-11-28T10:15:00Z");

    private static NewsEvent news(LocalDate publishedAt) {
        return NewsEvent.newBuilder()
                .setId("news:x")
                .setSource("test")
                .setTitle("t")
                .setPublishedAt(publishedAt)
                .setIngestedAt(INGESTED)
                .build();
    }

    @Test
    void stampsARecordWithItsPublicationDateAtMidnightUtc() {
        assertThat(NewsPublisher.timestampOf(news(LocalDate.of(2017, 5, 17))))
                .isEqualTo(Instant.parse("2017-05-17T00:00:00Z").toEpochMilli());
    }

    @Test
    void stampsAnUndatedRecordWithItsIngestionTime() {
        assertThat(NewsPublisher.timestampOf(news(null))).isEqualTo(INGESTED.toEpochMilli());
    }

    @Test
    void capsAPublicationDateInTheFutureAtTheIngestionTimeSoTheBrokerAcceptsIt() {
        assertThat(NewsPublisher.timestampOf(news(LocalDate.of(2027, 1, 1)))).isEqualTo(INGESTED.toEpochMilli());
    }

    @Test
    void stampsANewsPublishedBefore1970WithTheEarliestTimestampKafkaTakesAndKeepsItsDate() {
        NewsEvent moonLanding = news(LocalDate.of(1969, 7, 20));

        assertThat(NewsPublisher.timestampOf(moonLanding))
                .isEqualTo(NewsPublisher.EARLIEST_TIMESTAMP)
                .isZero();
        assertThat(moonLanding.getPublishedAt()).isEqualTo(LocalDate.of(1969, 7, 20));
    }
}
