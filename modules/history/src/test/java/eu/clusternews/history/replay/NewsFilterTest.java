package eu.clusternews.history.replay;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;

import eu.clusternews.avro.ClusterInvolvement;
import eu.clusternews.avro.ClusterRole;
import eu.clusternews.avro.EnrichedNews;
import eu.clusternews.avro.NewsEvent;
import eu.clusternews.avro.NewsKind;
import org.junit.jupiter.api.Test;

class NewsFilterTest {

    private static final NewsEvent NEWS = NewsEvent.newBuilder()
            .setId("news:1")
            .setSource("s")
            .setTitle("t")
            .setIngestedAt(Instant.EPOCH)
            .setKind(NewsKind.TRAINING)
            .setPublisherId("org:pub")
            .setOrganisationIds(List.of("org:mentioned"))
            .setConsortiumIds(List.of("cons:inno-drop"))
            .build();

    private static final EnrichedNews ENRICHED = EnrichedNews.newBuilder()
            .setNews(NEWS)
            .setEnrichedAt(Instant.EPOCH)
            .setClusters(List.of(
                    ClusterInvolvement.newBuilder()
                            .setClusterId("org:pub")
                            .setRoles(List.of(ClusterRole.values()[0]))
                            .build(),
                    ClusterInvolvement.newBuilder()
                            .setClusterId("org:member")
                            .setRoles(List.of(ClusterRole.values()[0]))
                            .build()))
            .build();

    @Test
    void onClusterNewsAClusterMatchesAsPublisherOrMentionedButNotAsConsortiumMember() {
        assertThat(new NewsFilter("org:pub", null, null).matches(NEWS)).isTrue();
        assertThat(new NewsFilter("org:mentioned", null, null).matches(NEWS)).isTrue();
        assertThat(new NewsFilter("org:member", null, null).matches(NEWS)).isFalse();
    }

    @Test
    void onTheEnrichedTopicAClusterMatchesWithAnyRole() {
        assertThat(new NewsFilter("org:member", null, null).matches(ENRICHED)).isTrue();
        assertThat(new NewsFilter("org:other", null, null).matches(ENRICHED)).isFalse();
    }

    @Test
    void consortiumAndKindMustAllMatch() {
        assertThat(new NewsFilter(null, "cons:inno-drop", "training").matches(NEWS))
                .isTrue();
        assertThat(new NewsFilter(null, "cons:inno-drop", "MEETING").matches(NEWS))
                .isFalse();
        assertThat(new NewsFilter(null, "cons:clusgrid", null).matches(ENRICHED))
                .isFalse();
        assertThat(new NewsFilter("org:pub", "cons:inno-drop", "TRAINING").matches(ENRICHED))
                .isTrue();
    }

    @Test
    void noCriteriaMatchEverything() {
        assertThat(NewsFilter.ALL.matchesEverything()).isTrue();
        assertThat(NewsFilter.ALL.matches(NEWS)).isTrue();
    }
}
