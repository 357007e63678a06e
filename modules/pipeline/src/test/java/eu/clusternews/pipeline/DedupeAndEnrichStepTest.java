package eu.clusternews.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import eu.clusternews.avro.ClusterActivity;
import eu.clusternews.avro.ClusterInvolvement;
import eu.clusternews.avro.EnrichedConsortium;
import eu.clusternews.avro.EnrichedNews;
import eu.clusternews.avro.NewsEvent;
import eu.clusternews.avro.ProgrammeRef;
import eu.clusternews.pipeline.internal.InternalAvroSerde;
import eu.clusternews.pipeline.internal.ListedNews;
import eu.clusternews.registry.ConfluentWireFormat;
import eu.clusternews.registry.MockSchemaRegistry;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericDatumReader;
import org.apache.avro.generic.GenericDatumWriter;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.DecoderFactory;
import org.apache.avro.io.EncoderFactory;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificDatumWriter;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** dedupe and enrich, including reference data that changes while the pipeline runs. */
class DedupeAndEnrichStepTest {

    private final PipelineHarness pipeline = new PipelineHarness();

    @AfterEach
    void close() {
        pipeline.close();
    }

    @Test
    void countsEachClusterOnceWhenTheSameNewsArrivesTwice() {
        pipeline.withSeedReference();

        pipeline.publish(Fixtures.seedNews());
        pipeline.publish(Fixtures.seedNews());

        assertThat(pipeline.enriched.readKeyValuesToList()).hasSize(1);
        assertThat(pipeline.clusterActivities().values())
                .extracting(ClusterActivity::getNewsCount)
                .containsOnly(1L);
        assertThat(pipeline.consortiumActivities().get("cons:inno-drop").getNewsCount())
                .isEqualTo(1);
    }

    @Test
    void writesEnrichedNewsKeyedByNewsIdWithConsortiaProgrammeChainAndClusters() {
        pipeline.withSeedReference();

        pipeline.publish(Fixtures.seedNews());

        var records = pipeline.enriched.readKeyValuesToList();
        assertThat(records).hasSize(1);
        assertThat(records.get(0).key).isEqualTo("news:seed-2017-05-17");
        EnrichedNews enriched = records.get(0).value;
        assertThat(enriched.getConsortia())
                .extracting(EnrichedConsortium::getId)
                .containsExactly("cons:inno-drop", "cons:clusgrid");
        assertThat(enriched.getConsortia().get(1).getProgrammeChain())
                .extracting(ProgrammeRef::getId)
                .containsExactly("prog:cosme-cluster-excellence", "prog:cosme");
        assertThat(enriched.getClusters())
                .extracting(ClusterInvolvement::getClusterId)
                .containsExactlyElementsOf(Fixtures.TEN_CLUSTERS);
        assertThat(enriched.getUnresolvedIds()).isEmpty();
        assertThat(enriched.getEnrichedAt()).isEqualTo(Fixtures.START);
    }

    @Test
    void writesEnrichedNewsAndTheStoresCopyAsEncodingWouldForNewsInTheCurrentAndInAnEarlierSchema() throws IOException {
        pipeline.withSeedReference();
        NewsEvent current = Fixtures.seedNews();
        NewsEvent earlier = NewsEvent.newBuilder(current)
                .setId("news:written-before-organiser")
                .setOrganiserId(null)
                .build();
        // mentions what the first one does: its enrichment's binary is the one kept from the first
        NewsEvent sameMentions = NewsEvent.newBuilder(current)
                .setId("news:same-mentions")
                .setTitle("Zweites Treffen")
                .build();

        pipeline.publish(current); // its Avro binary is copied into the enriched copy
        pipeline.rawNews.pipeInput(earlier.getId(), inSchemaWithoutOrganiser(earlier), Fixtures.START);
        pipeline.driver.advanceWallClockTime(java.time.Duration.ofSeconds(1)); // enriched at another time
        pipeline.publish(sameMentions);

        String topic = pipeline.topics.enriched().name();
        var written = pipeline.driver
                .createOutputTopic(topic, new StringDeserializer(), new ByteArrayDeserializer())
                .readKeyValuesToMap();
        assertThat(written).containsOnlyKeys(current.getId(), earlier.getId(), sameMentions.getId());
        String changelog =
                pipeline.config.get("application.id") + "-" + ClusterNewsTopology.ENRICHED_NEWS_STORE + "-changelog";
        var stored = pipeline.driver
                .createOutputTopic(changelog, new StringDeserializer(), new ByteArrayDeserializer())
                .readKeyValuesToMap();
        InternalAvroSerde<EnrichedNews> internal = InternalAvroSerde.of(EnrichedNews.class);
        written.forEach((id, bytes) -> {
            EnrichedNews enriched =
                    pipeline.topics.enriched().valueDeserializer().deserialize(topic, bytes);
            assertThat(bytes)
                    .isEqualTo(pipeline.topics.enriched().valueSerializer().serialize(topic, enriched));
            assertThat(enriched.getNews())
                    .isEqualTo(Map.of(
                                    current.getId(),
                                    current,
                                    earlier.getId(),
                                    earlier,
                                    sameMentions.getId(),
                                    sameMentions)
                            .get(id));
            assertThat(stored.get(id))
                    .as("the news lists' copy, without the body, the consortia as a list shows them")
                    .isEqualTo(internal.serialize(changelog, ListedNews.of(enriched)));
        });
    }

    /** The news in the wire format, written with NewsEvent as it was before organiserId (release 0.1.0). */
    private byte[] inSchemaWithoutOrganiser(NewsEvent news) throws IOException {
        Schema schema = NewsEvent.getClassSchema();
        Schema earlier = Schema.createRecord(
                schema.getName(),
                schema.getDoc(),
                schema.getNamespace(),
                false,
                schema.getFields().stream()
                        .filter(f -> !f.name().equals("organiserId"))
                        .map(f -> new Schema.Field(f, f.schema()))
                        .toList());
        assertThat(earlier.getField("organiserId")).isNull();
        int id = MockSchemaRegistry.forScope(pipeline.scope).register("cluster-news-value", earlier);
        ByteArrayOutputStream current = new ByteArrayOutputStream();
        BinaryEncoder encoder = EncoderFactory.get().binaryEncoder(current, null);
        new SpecificDatumWriter<NewsEvent>(schema, SpecificData.getForClass(NewsEvent.class)).write(news, encoder);
        encoder.flush();
        Object projected = new GenericDatumReader<>(schema, earlier)
                .read(null, DecoderFactory.get().binaryDecoder(current.toByteArray(), null));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(ConfluentWireFormat.header(id));
        encoder = EncoderFactory.get().binaryEncoder(out, encoder);
        new GenericDatumWriter<>(earlier).write(projected, encoder);
        encoder.flush();
        return out.toByteArray();
    }

    @Test
    void keepsEachEnrichedNewsAsTheNewsListsShowItInTheStoreTheNewsApiReads() {
        pipeline.withSeedReference();

        pipeline.publish(Fixtures.seedNews());

        EnrichedNews published = pipeline.enriched.readValue();
        org.apache.kafka.streams.state.KeyValueStore<String, EnrichedNews> store =
                pipeline.driver.getKeyValueStore(ClusterNewsTopology.ENRICHED_NEWS_STORE);
        EnrichedNews kept = store.get("news:seed-2017-05-17");
        assertThat(kept.getNews().getTitle()).isEqualTo(Fixtures.seedNews().getTitle());
        assertThat(kept.getNews().getBody()).isEmpty();
        assertThat(kept.getClusters())
                .extracting(ClusterInvolvement::getClusterId)
                .containsExactlyElementsOf(Fixtures.TEN_CLUSTERS);
        assertThat(kept.getOrganisations()).isEqualTo(published.getOrganisations());
        assertThat(kept.getProgrammes()).isEqualTo(published.getProgrammes());
        // a consortium as a news list shows it: id, acronym and funding programme, no title, period or members
        assertThat(published.getConsortia())
                .anySatisfy(c -> assertThat(c.getMembers()).isNotEmpty())
                .anySatisfy(c -> assertThat(c.getProgrammeChain()).hasSizeGreaterThan(1));
        assertThat(kept.getConsortia())
                .extracting(
                        EnrichedConsortium::getId,
                        EnrichedConsortium::getAcronym,
                        c -> c.getProgrammeChain().get(0))
                .containsExactlyElementsOf(published.getConsortia().stream()
                        .map(c -> org.assertj.core.groups.Tuple.tuple(
                                c.getId(), c.getAcronym(), c.getProgrammeChain().get(0)))
                        .toList());
        assertThat(kept.getConsortia()).allSatisfy(c -> {
            assertThat(c.getProgrammeChain()).hasSize(1);
            assertThat(c.getMembers()).isEmpty();
            assertThat(c.getFullTitle()).isNull();
            assertThat(c.getStartMonth()).isNull();
            assertThat(c.getTotalBudgetEur()).isNull();
        });
    }

    @Test
    void keepsNewsThatMentionUnknownIdsAndListsThemAsUnresolved() {
        pipeline.withSeedReference();

        pipeline.publish(Fixtures.news("n1")
                .setConsortiumIds(List.of("cons:ghost", "cons:inno-drop"))
                .setOrganisationIds(List.of("org:nobody"))
                .build());

        EnrichedNews enriched = pipeline.enriched.readValue();
        assertThat(enriched.getUnresolvedIds()).containsExactly("org:nobody", "cons:ghost");
        assertThat(enriched.getConsortia())
                .extracting(EnrichedConsortium::getId)
                .containsExactly("cons:inno-drop");
        assertThat(pipeline.consortiumActivities()).containsKeys("cons:ghost", "cons:inno-drop");
        assertThat(pipeline.consortiumActivities().get("cons:ghost").getName()).isNull();
    }

    @Test
    void resolvesAReferenceThatArrivesLateForTheNewsThatFollowIt() {
        pipeline.withSeedReference();
        NewsEvent before = newsAbout("before", "cons:ecri");
        NewsEvent after = newsAbout("after", "cons:ecri");

        pipeline.publish(before);
        pipeline.organisations.pipeInput("org:bioib", Fixtures.cluster("org:bioib", "BioIb", "ES"));
        pipeline.consortia.pipeInput(
                "cons:ecri",
                Fixtures.consortium("cons:ecri", "ECRI", "prog:cosme-cluster-excellence", List.of("org:bioib")));
        pipeline.publish(after);

        List<EnrichedNews> enriched = pipeline.enriched.readValuesToList();
        assertThat(enriched.get(0).getUnresolvedIds()).containsExactly("cons:ecri");
        assertThat(enriched.get(0).getClusters()).isEmpty();
        assertThat(enriched.get(1).getUnresolvedIds()).isEmpty();
        assertThat(enriched.get(1).getClusters())
                .extracting(ClusterInvolvement::getClusterId)
                .containsExactly("org:bioib");
        assertThat(pipeline.clusterActivities().get("org:bioib").getNewsCount()).isEqualTo(1);
        assertThat(pipeline.consortiumActivities().get("cons:ecri").getNewsCount())
                .isEqualTo(2);
        assertThat(pipeline.consortiumActivities().get("cons:ecri").getName()).isEqualTo("ECRI");
    }

    @Test
    void appliesNewConsortiumMembersToTheNewsThatArriveAfterwards() {
        pipeline.withSeedReference();
        pipeline.publish(newsAbout("first", "cons:inno-drop"));

        pipeline.organisations.pipeInput(
                "org:aqua-valley",
                Fixtures.organisation("org:aqua-valley", "Aqua-Valley", "competitiveness_cluster", "FR"));
        List<String> members = new java.util.ArrayList<>(Fixtures.INNO_DROP_MEMBERS);
        members.add("org:aqua-valley");
        pipeline.consortia.pipeInput(
                "cons:inno-drop",
                Fixtures.consortium("cons:inno-drop", "INNO-DROP", "prog:cosme-cluster-excellence", members));
        pipeline.publish(newsAbout("second", "cons:inno-drop"));

        assertThat(pipeline.clusterActivities().get("org:aqua-valley").getNewsCount())
                .isEqualTo(1);
        assertThat(pipeline.clusterActivities().get("org:bnpt").getNewsCount()).isEqualTo(2);
    }

    @Test
    void forgetsAConsortiumRemovedByATombstoneForLaterNewsButKeepsItsPastActivity() {
        pipeline.withSeedReference();
        pipeline.publish(newsAbout("first", "cons:clusgrid"));

        pipeline.consortia.pipeInput("cons:clusgrid", null);
        pipeline.publish(newsAbout("second", "cons:clusgrid"));

        List<EnrichedNews> enriched = pipeline.enriched.readValuesToList();
        assertThat(enriched.get(1).getUnresolvedIds()).containsExactly("cons:clusgrid");
        assertThat(enriched.get(1).getClusters()).isEmpty();
        assertThat(pipeline.clusterActivities().get("org:ecict").getNewsCount()).isEqualTo(1);
        assertThat(pipeline.consortiumActivities().get("cons:clusgrid").getNewsCount())
                .isEqualTo(2);
        assertThat(pipeline.consortiumActivities().get("cons:clusgrid").getName())
                .isEqualTo("CLUSGRID");
    }

    @Test
    void stopsCountingAnOrganisationAsAClusterOnceATombstoneRemovesIt() {
        pipeline.withSeedReference();

        pipeline.organisations.pipeInput("org:zinnae", null);
        pipeline.publish(Fixtures.news("n")
                .setPublishedAt(LocalDate.of(2018, 1, 1))
                .setConsortiumIds(List.of("cons:inno-drop"))
                .build());

        assertThat(pipeline.clusterActivities()).containsOnlyKeys("org:bnpt", "org:nanoprogress", "org:wsm");
    }

    @Test
    void skipsAnUndecodableReferenceRecordAndKeepsTheRestOfTheReferenceData() {
        pipeline.withSeedReference();
        pipeline.driver
                .createInputTopic(
                        "ref-consortia",
                        new org.apache.kafka.common.serialization.StringSerializer(),
                        new org.apache.kafka.common.serialization.ByteArraySerializer())
                .pipeInput("cons:broken", new byte[] {42});

        pipeline.publish(Fixtures.seedNews());

        assertThat(pipeline.clusterActivities()).hasSize(10);
        assertThat(pipeline.deadLetters.isEmpty()).isTrue();
    }

    /** A news item that mentions only this consortium. */
    private static NewsEvent newsAbout(String id, String consortiumId) {
        return Fixtures.news(id).setConsortiumIds(List.of(consortiumId)).build();
    }
}
