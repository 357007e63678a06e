package eu.clusternews.pipeline.aggregate;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

import eu.clusternews.avro.ClusterActivity;
import eu.clusternews.avro.ClusterContribution;
import eu.clusternews.avro.ClusterRole;
import eu.clusternews.avro.Headline;
import eu.clusternews.avro.NewsKind;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * The fan-out sums contributions into partial activities per commit, and the aggregate merges the partials: whatever
 * way the news are cut into partials, and whatever order the partials arrive in, the result is the activity of
 * counting every contribution one by one.
 */
class ActivityMergeTest {

    private static final int MAX_HEADLINES = 4;

    @Property(tries = 200)
    void mergingPartialsInAnyOrderEqualsCountingEveryContribution(
            @ForAll("histories") List<ClusterContribution> history, @ForAll long seed) {
        Activity oneByOne = new Activity();
        history.forEach(c -> oneByOne.add(c, MAX_HEADLINES));

        Random random = new Random(seed);
        List<Activity> partials = new ArrayList<>();
        Activity current = new Activity();
        for (ClusterContribution c : history) {
            current.add(c, MAX_HEADLINES);
            if (random.nextInt(4) == 0) {
                partials.add(current);
                current = new Activity();
            }
        }
        partials.add(current);
        Collections.shuffle(partials, random);
        Activity merged = new Activity();
        partials.forEach(p -> merged.merge(written(p), MAX_HEADLINES));

        assertThat(ActivityKind.CLUSTER.write("org:x", merged))
                .isEqualTo(ActivityKind.CLUSTER.write("org:x", oneByOne));
        assertThat(merged.newsCount).isEqualTo(history.size());
    }

    /**
     * The fan-out hands contributions one id list instance per content, and an activity skips a list instance it has
     * added before: counting with shared instances (one instance even in two id fields) must equal counting with a
     * fresh copy of every list.
     */
    @Property(tries = 200)
    void sharedIdListInstancesCountLikeFreshCopies(@ForAll("histories") List<ClusterContribution> history) {
        List<List<String>> pool = List.of(List.of("cons:a"), List.of("cons:a", "org:y"), List.of("org:y", "prog:z"));
        Activity shared = new Activity();
        Activity copied = new Activity();
        for (int i = 0; i < history.size(); i++) {
            List<String> consortia = pool.get(i % pool.size());
            List<String> clusters = pool.get((i / 2) % pool.size()); // at times the very instance of the consortia
            ClusterContribution c = ClusterContribution.newBuilder(history.get(i))
                    .setConsortiumIds(consortia)
                    .setClusterIds(clusters)
                    .build();
            shared.add(c, MAX_HEADLINES);
            copied.add(
                    ClusterContribution.newBuilder(c)
                            .setConsortiumIds(new ArrayList<>(consortia))
                            .setClusterIds(new ArrayList<>(clusters))
                            .build(),
                    MAX_HEADLINES);
        }
        assertThat(ActivityKind.CLUSTER.write("org:x", shared)).isEqualTo(ActivityKind.CLUSTER.write("org:x", copied));
    }

    @Property(tries = 300)
    void theKeptHeadlinesAreTheNewestInAnyArrivalOrderTiesByNewsId(
            @ForAll("fewDates") List<LocalDate> dates, @ForAll long seed) {
        List<ClusterContribution> history = new ArrayList<>();
        List<Integer> ids = new ArrayList<>();
        for (int i = 0; i < dates.size(); i++) {
            ids.add(i);
        }
        Collections.shuffle(ids, new Random(seed)); // news ids not in arrival order, so ties are broken both ways
        for (int i = 0; i < dates.size(); i++) {
            history.add(ClusterContribution.newBuilder()
                    .setEntityId("org:x")
                    .setNewsId(String.format("news-%03d", ids.get(i)))
                    .setTitle("News " + i)
                    .setPublishedAt(dates.get(i))
                    .setKind(NewsKind.OTHER)
                    .build());
        }
        Activity activity = new Activity();
        history.forEach(c -> activity.add(c, MAX_HEADLINES));

        List<String> expected = history.stream()
                .map(c -> new Headline(c.getNewsId(), c.getTitle(), c.getPublishedAt(), c.getKind(), null))
                .sorted(Activity.RECENT_FIRST)
                .limit(MAX_HEADLINES)
                .map(Headline::getNewsId)
                .toList();
        assertThat(activity.recentHeadlines).extracting(Headline::getNewsId).containsExactlyElementsOf(expected);
    }

    @Provide
    Arbitrary<List<LocalDate>> fewDates() {
        return Arbitraries.of(LocalDate.of(2025, 3, 1), LocalDate.of(2025, 3, 2), LocalDate.of(2026, 1, 9))
                .injectNull(0.25)
                .list()
                .ofMaxSize(30);
    }

    /** Partials travel as records through the repartition topic: merge what was written, not the object itself. */
    private static Activity written(Activity partial) {
        ClusterActivity record = ActivityKind.CLUSTER.write("org:x", partial);
        return ActivityKind.CLUSTER.read(record);
    }

    /** What varies from one news to the next. */
    record Spec(LocalDate publishedAt, NewsKind kind, List<ClusterRole> roles, List<String> consortia) {}

    @Provide
    Arbitrary<List<ClusterContribution>> histories() {
        Arbitrary<LocalDate> dates = Arbitraries.integers()
                .between(0, 20 * 365)
                .map(d -> LocalDate.of(2005, 1, 1).plusDays(d))
                .injectNull(0.15);
        Arbitrary<List<ClusterRole>> roles =
                Arbitraries.of(ClusterRole.class).set().ofMaxSize(2).map(List::copyOf);
        Arbitrary<List<String>> consortia =
                Arbitraries.of("cons:a", "cons:b", "cons:c").set().ofMaxSize(2).map(List::copyOf);
        return Combinators.combine(dates, Arbitraries.of(NewsKind.class), roles, consortia)
                .as(Spec::new)
                .list()
                .ofMaxSize(40)
                .map(specs -> {
                    List<ClusterContribution> history = new ArrayList<>();
                    for (int i = 0; i < specs.size(); i++) {
                        Spec spec = specs.get(i);
                        history.add(ClusterContribution.newBuilder()
                                .setEntityId("org:x")
                                .setNewsId(String.format("news-%03d", i))
                                .setTitle("News " + i)
                                .setPublishedAt(spec.publishedAt())
                                .setKind(spec.kind())
                                .setRoles(spec.roles())
                                .setConsortiumIds(spec.consortia())
                                .setProgrammeIds(List.of("prog:cosme"))
                                .setClusterIds(List.of("org:x"))
                                // a contribution made while the reference data did not know the cluster has no name
                                .setEntityName(i % 5 == 0 ? null : "Cluster X")
                                .setEntityCountry(i % 5 == 0 ? null : "DE")
                                .build());
                    }
                    return history;
                });
    }
}
