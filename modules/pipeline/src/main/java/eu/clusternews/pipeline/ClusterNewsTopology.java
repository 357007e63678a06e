package eu.clusternews.pipeline;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.function.BiFunction;

import eu.clusternews.avro.ClusterActivity;
import eu.clusternews.avro.ClusterContribution;
import eu.clusternews.avro.ClusterEvent;
import eu.clusternews.avro.ConsortiumActivity;
import eu.clusternews.avro.EnrichedNews;
import eu.clusternews.avro.EventReport;
import eu.clusternews.avro.NewsEvent;
import eu.clusternews.avro.ProgrammeActivity;
import eu.clusternews.pipeline.aggregate.ActivityKind;
import eu.clusternews.pipeline.aggregate.AggregateProcessor;
import eu.clusternews.pipeline.aggregate.AggregateStore;
import eu.clusternews.pipeline.aggregate.PartialActivityStore;
import eu.clusternews.pipeline.aggregate.PartialActivityStoreBuilder;
import eu.clusternews.pipeline.events.ClusterEventLayout;
import eu.clusternews.pipeline.events.EventBlock;
import eu.clusternews.pipeline.events.EventMatchProcessor;
import eu.clusternews.pipeline.events.EventOutput;
import eu.clusternews.pipeline.events.EventOutput.Target;
import eu.clusternews.pipeline.events.EventReports;
import eu.clusternews.pipeline.events.ReadReport;
import eu.clusternews.pipeline.internal.DecodedOnceDeserializer;
import eu.clusternews.pipeline.internal.Encoded;
import eu.clusternews.pipeline.internal.EnrichedCopies;
import eu.clusternews.pipeline.internal.InternalAvroSerde;
import eu.clusternews.pipeline.internal.ListedNewsSerde;
import eu.clusternews.pipeline.internal.NewsCopyingSerde;
import eu.clusternews.pipeline.internal.ReframingSerde;
import eu.clusternews.pipeline.internal.WithNewsBytes;
import eu.clusternews.pipeline.state.WriteBackStore;
import eu.clusternews.registry.SchemaRegistryClient;
import eu.clusternews.registry.SchemaRegistryClients;
import eu.clusternews.registry.SpecificAvroDeserializer;
import eu.clusternews.topics.ClusterNewsTopics;
import eu.clusternews.topics.Topic;
import org.apache.avro.specific.SpecificRecord;
import org.apache.avro.specific.SpecificRecordBase;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.TopologyConfig;
import org.apache.kafka.streams.kstream.Branched;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Materialized;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.kstream.Repartitioned;
import org.apache.kafka.streams.state.Stores;

/**
 * The clusternews Kafka Streams topology (DESIGN.md §4), read top to bottom in {@link #build}:
 * validate → dedupe → enrich → fan out → aggregate, and enrich → match events → cluster-events and the event counts.
 *
 * <p>Every processor, store and repartition topic has an explicit name (the constants below are the
 * API of a running topology: renaming one is an incompatible upgrade). Build it with
 * {@link PipelineConfig#streamsProperties()}, which turns on {@code ensure.explicit.internal.resource.naming}
 * and installs the {@link DeadLetterHandler} that {@link #validate} relies on.
 */
public final class ClusterNewsTopology {

    /** Global store of ref-organisations: organisation id → Organisation (timestamped key-value store). */
    public static final String ORGANISATIONS_STORE = "ref-organisations-store";
    /** Global store of ref-consortia: consortium id → Consortium. */
    public static final String CONSORTIA_STORE = "ref-consortia-store";
    /** Global store of ref-programmes: programme id → Programme. */
    public static final String PROGRAMMES_STORE = "ref-programmes-store";
    /**
     * news id → EnrichedNews without its body: the news that passed, which the dedupe looks up, and the news lists of
     * the HTTP API (the full text stays in the topics; keeping it here would double the state for no reader).
     */
    public static final String ENRICHED_NEWS_STORE = "enriched-news-store";
    /**
     * cluster id → ClusterActivity (an {@link AggregateStore}: decoded activities in front of a logged store; query it
     * with QueryableStoreTypes.keyValueStore()).
     */
    public static final String CLUSTER_ACTIVITY_STORE = "cluster-activity-store";
    /** consortium id → ConsortiumActivity. */
    public static final String CONSORTIUM_ACTIVITY_STORE = "consortium-activity-store";
    /** programme id → ProgrammeActivity. */
    public static final String PROGRAMME_ACTIVITY_STORE = "programme-activity-store";

    /**
     * event id → ClusterEvent, the current events (a key-value store on the one partition of the event matching, so
     * every event lives on exactly one instance; query it with QueryableStoreTypes.keyValueStore()).
     */
    public static final String EVENTS_STORE = "events-store";

    /** blocking key (month and city or consortium) → the distinct facts filed under it with their event ids. */
    public static final String EVENT_BLOCKS_STORE = "event-blocks-store";
    /** id of an event merged into another → the id it was merged into. */
    public static final String EVENT_REDIRECTS_STORE = "event-redirects-store";
    /**
     * Repartition topic ({@code <application.id>-event-reports-repartition}, {@value #CORE_PARTITIONS} partition) where
     * all reports meet.
     */
    public static final String EVENT_REPORTS = "event-reports";

    /** The fan-out's partial activities per entity since the last commit (in memory, empty at every commit). */
    public static final String CLUSTER_PARTIALS_STORE = "cluster-partials-store";

    public static final String CONSORTIUM_PARTIALS_STORE = "consortium-partials-store";
    public static final String PROGRAMME_PARTIALS_STORE = "programme-partials-store";

    /**
     * Repartition topics ({@code <application.id>-<name>-repartition}) carrying partial activities keyed by entity id,
     * {@value #CORE_PARTITIONS} partition each.
     */
    public static final String CLUSTER_PARTIALS = "cluster-partials";

    public static final String CONSORTIUM_PARTIALS = "consortium-partials";
    public static final String PROGRAMME_PARTIALS = "programme-partials";

    /**
     * Partitions of the partials topics and of event-reports: one, so that the three aggregates and event matching
     * are <em>one task</em> (the core sub-topology). The combiner sends tens of partials per commit however many news
     * arrive, so an aggregate has little to do, and under exactly-once every task costs each commit a producer flush of
     * its own (Streams flushes the shared producer once per task, in series, one round trip each) and its partitions'
     * transaction markers: 13 tasks with three partitions per kind, 7 with one task per kind, 4 now. Matching hands its
     * event-count changes straight to the aggregates in the same task, which is only right because that task holds
     * every entity: do not raise this without putting the event counts back through the partials topics.
     */
    static final int CORE_PARTITIONS = 1;

    /** Decoded reference records kept per global store (there are tens to thousands of them). */
    private static final int REFERENCE_DECODE_CACHE_ENTRIES = 20_000;

    private final ClusterNewsTopics topics;
    private final SchemaRegistryClient registry;
    private final Map<String, Object> inputSerdeConfig;
    private final int maxHeadlines;

    /**
     * @param serdeConfig the serde settings ({@code schema.registry.url}, ...); every serde of the
     *                    topology shares one registry client
     */
    public ClusterNewsTopology(Map<String, ?> serdeConfig) {
        this(serdeConfig, ActivityAggregator.DEFAULT_RECENT_HEADLINES);
    }

    /** @param maxHeadlines how many recent headlines each activity keeps */
    public ClusterNewsTopology(Map<String, ?> serdeConfig, int maxHeadlines) {
        if (maxHeadlines < 1) {
            throw new IllegalArgumentException("maxHeadlines must be at least 1, was " + maxHeadlines);
        }
        this.registry = SchemaRegistryClients.fromConfig(serdeConfig);
        this.topics = ClusterNewsTopics.from(serdeConfig, registry);
        this.inputSerdeConfig = new HashMap<>(serdeConfig);
        this.maxHeadlines = maxHeadlines;
    }

    /** The topics the topology reads and writes, with their serdes. */
    public ClusterNewsTopics topics() {
        return topics;
    }

    /** Builds the topology; {@code streamsProperties} decide the naming enforcement and other topology settings. */
    public Topology build(Properties streamsProperties) {
        StreamsBuilder builder = new StreamsBuilder(new TopologyConfig(new StreamsConfig(streamsProperties)));
        ReferenceChanges referenceChanges = new ReferenceChanges();
        referenceStores(builder, referenceChanges);
        KStream<String, WithNewsBytes<NewsEvent>> news = validate(builder);
        KStream<String, WithNewsBytes<NewsEvent>> fresh = dedupe(builder, news);
        // the enrichment and the fan-outs look each reference record up once per thread until the records change
        ReferenceSnapshots lookups = new ReferenceSnapshots(referenceChanges);
        KStream<String, EnrichedNews> enriched = enrich(builder, fresh, lookups);
        EventCountChanges eventCounts = matchEvents(builder, enriched);
        fanOutAndAggregate(
                builder,
                enriched,
                lookups,
                "clusters",
                ActivityKind.CLUSTER,
                FanOut::perCluster,
                CLUSTER_PARTIALS_STORE,
                CLUSTER_PARTIALS,
                eventCounts.clusters(),
                CLUSTER_ACTIVITY_STORE,
                topics.clusterActivity());
        fanOutAndAggregate(
                builder,
                enriched,
                lookups,
                "consortia",
                ActivityKind.CONSORTIUM,
                FanOut::perConsortium,
                CONSORTIUM_PARTIALS_STORE,
                CONSORTIUM_PARTIALS,
                eventCounts.consortia(),
                CONSORTIUM_ACTIVITY_STORE,
                topics.consortiumActivity());
        fanOutAndAggregate(
                builder,
                enriched,
                lookups,
                "programmes",
                ActivityKind.PROGRAMME,
                FanOut::perProgramme,
                PROGRAMME_PARTIALS_STORE,
                PROGRAMME_PARTIALS,
                eventCounts.programmes(),
                PROGRAMME_ACTIVITY_STORE,
                topics.programmeActivity());
        return builder.build();
    }

    /**
     * The reference topics as global stores, so that every instance sees every entity; a tombstone removes the entity.
     * Their writes are counted, so that the stream threads know when the records they keep are out of date.
     */
    private void referenceStores(StreamsBuilder builder, ReferenceChanges changes) {
        globalStore(builder, topics.organisations(), ORGANISATIONS_STORE, changes);
        globalStore(builder, topics.consortia(), CONSORTIA_STORE, changes);
        globalStore(builder, topics.programmes(), PROGRAMMES_STORE, changes);
    }

    /**
     * Validate: reads cluster-news as bytes and decodes them; a record that is undecodable (not the
     * Confluent format, unknown schema id, missing required fields), null, or not keyed by its news id
     * goes with its original bytes to cluster-news-dlq through {@link DeadLetterHandler}, and the
     * stream goes on.
     */
    private KStream<String, WithNewsBytes<NewsEvent>> validate(StreamsBuilder builder) {
        SpecificAvroDeserializer<NewsEvent> deserializer = new SpecificAvroDeserializer<>(NewsEvent.class, registry);
        deserializer.configure(inputSerdeConfig, false);
        NewsValidator validator = new NewsValidator(deserializer);
        return builder.stream(
                        topics.news().name(),
                        Consumed.with(Serdes.String(), Serdes.ByteArray()).withName("cluster-news-source"))
                .processValues(() -> new ValidateProcessor(validator), Named.as("validate"));
    }

    /**
     * Dedupe: the first arrival of a news id passes, re-sent and replayed copies are dropped. The store of the news
     * that passed is the enriched-news store that {@link #enrich} writes, in the same task and before the next record:
     * one store, written once per news, where a store of its own cost every news a second RocksDB write and changelog
     * record.
     */
    private KStream<String, WithNewsBytes<NewsEvent>> dedupe(
            StreamsBuilder builder, KStream<String, WithNewsBytes<NewsEvent>> news) {
        // unique keys: a record cache would only hold each news once more before writing it
        builder.addStateStore(Stores.keyValueStoreBuilder(
                        Stores.persistentKeyValueStore(ENRICHED_NEWS_STORE), Serdes.String(), new ListedNewsSerde())
                .withCachingDisabled());
        return news.processValues(
                () -> new DedupeProcessor<>(ENRICHED_NEWS_STORE), Named.as("dedupe"), ENRICHED_NEWS_STORE);
    }

    /**
     * Enrich: attaches each mentioned consortium (programme chain, period, budget, members), organisation and
     * programme from the global stores as they are now, lists unknown ids as unresolved, and writes the
     * result to cluster-news-enriched (the news' binary copied from the record it was read from, see
     * {@link NewsCopyingSerde}). Reference changes apply to news that pass afterwards.
     */
    private KStream<String, EnrichedNews> enrich(
            StreamsBuilder builder, KStream<String, WithNewsBytes<NewsEvent>> news, ReferenceSnapshots lookups) {
        KStream<String, EnrichedCopies> written =
                news.processValues(() -> new EnrichProcessor(lookups), Named.as("enrich"));
        written.to(
                topics.enriched().name(),
                Produced.with(
                                topics.enriched().keySerde(),
                                new NewsCopyingSerde(topics.enriched().valueSerde()))
                        .withName("cluster-news-enriched-sink"));
        written.process(EnrichedNewsStoreProcessor::new, Named.as("store-enriched-news"), ENRICHED_NEWS_STORE);
        KStream<String, EnrichedNews> enriched = written.mapValues(EnrichedCopies::value, Named.as("enriched-news"));
        return enriched;
    }

    /**
     * Fan out and aggregate one kind of entity (clusters with their roles, consortia, programmes):
     * <ol>
     *   <li>fan out: each news gives one contribution per entity of the kind, carrying the entity's display fields
     *       from the global stores as they are now (so the aggregate needs no reference data); the contributions of
     *       the news processed between two commits are summed per entity into partial activities
     *       ({@link PartialActivityStore}), forwarded before each commit;</li>
     *   <li>repartition the partials by entity id through a named topic of {@value #CORE_PARTITIONS} partition,
     *       so each entity is counted in one task, the core task, where event matching runs too;</li>
     *   <li>aggregate: merge each partial, and each change of an entity's event count that matching hands over in the
     *       same task, into the entity's all-time activity ({@link AggregateStore}) and emit the changed activities to
     *       the kind's compacted topic before each commit.</li>
     * </ol>
     * No time windows: all-time counts with calendar-month buckets, so news that arrive years late are counted like
     * any other, and every merge is commutative, so the result does not depend on arrival order. Under exactly-once
     * the partials and the written-down activities join the transaction of the commit they precede: nothing is lost
     * or seen early, and the output topics only skip intermediate values.
     */
    private <A extends SpecificRecordBase> void fanOutAndAggregate(
            StreamsBuilder builder,
            KStream<String, EnrichedNews> enriched,
            ReferenceSnapshots lookups,
            String entities,
            ActivityKind<A> kind,
            BiFunction<EnrichedNews, ReferenceLookup, List<ClusterContribution>> split,
            String partialStore,
            String repartitionName,
            KStream<String, A> eventCounts,
            String store,
            Topic<String, A> output) {
        builder.addStateStore(new PartialActivityStoreBuilder<A>(partialStore));
        builder.addStateStore(AggregateStore.builder(store, kind));
        enriched.process(
                        () -> new FanOutProcessor<A>(split, kind, partialStore, maxHeadlines, lookups),
                        Named.as("fan-out-to-" + entities),
                        partialStore)
                .repartition(Repartitioned.<String, A>as(repartitionName)
                        .withNumberOfPartitions(CORE_PARTITIONS)
                        .withKeySerde(Serdes.String())
                        .withValueSerde(internalSerde(kind.type())))
                .merge(eventCounts, Named.as("partials-and-event-counts-of-" + entities))
                .process(
                        () -> new AggregateProcessor<>(store, kind, maxHeadlines),
                        Named.as("aggregate-" + entities),
                        store)
                .to(output.name(), reframed(output, InternalAvroSerde.of(kind.type()), output.name() + "-sink"));
    }

    /** The event-count changes of each kind that event matching hands to that kind's aggregate. */
    private record EventCountChanges(
            KStream<String, ClusterActivity> clusters,
            KStream<String, ConsortiumActivity> consortia,
            KStream<String, ProgrammeActivity> programmes) {}

    /**
     * Match events: each news that reports an event (a training, a meeting, ... or any news giving event dates) goes
     * as an {@link EventReport} through a one-partition repartition topic, where {@link EventMatchProcessor} places it
     * in its event, merging events that it bridges. The events go to cluster-events (a tombstone for each id a merge
     * replaced); the changes of each entity's event count go as partial activities straight to that kind's aggregate,
     * in the same task ({@link #CORE_PARTITIONS}), whose store sums them until the commit like everything else.
     */
    private EventCountChanges matchEvents(StreamsBuilder builder, KStream<String, EnrichedNews> enriched) {
        // write-back stores: decoded between reports, written (and events sent) once per key and commit
        builder.addStateStore(WriteBackStore.builder(EVENT_BLOCKS_STORE, Serdes.String(), EventBlock.CODEC));
        builder.addStateStore(
                WriteBackStore.builder(EVENT_REDIRECTS_STORE, Serdes.String(), WriteBackStore.asStored()));
        InternalAvroSerde<ClusterEvent> events = InternalAvroSerde.of(ClusterEvent.class, ClusterEventLayout.INSTANCE);
        builder.addStateStore(WriteBackStore.builder(EVENTS_STORE, events, WriteBackStore.asStored()));
        EventMatchProcessor.Stores stores =
                new EventMatchProcessor.Stores(EVENT_BLOCKS_STORE, EVENT_REDIRECTS_STORE, EVENTS_STORE);
        Map<String, KStream<String, EventOutput>> outputs = enriched.flatMapValues(
                        news -> EventReports.of(news).stream()
                                .map(ReadReport::of)
                                .toList(),
                        Named.as("event-reports"))
                // read with their binaries, which the events list instead of encoding the reports again
                .repartition(Repartitioned.<String, ReadReport>as(EVENT_REPORTS)
                        .withNumberOfPartitions(CORE_PARTITIONS)
                        .withKeySerde(Serdes.String())
                        .withValueSerde(ReadReport.serde()))
                .process(() -> new EventMatchProcessor(stores), Named.as("match-events"), stores.all())
                .split(Named.as("event-output-"))
                .branch((id, out) -> out.goesTo(Target.EVENTS), Branched.as("events"))
                .branch((id, out) -> out.goesTo(Target.CLUSTERS), Branched.as("clusters"))
                .branch((id, out) -> out.goesTo(Target.CONSORTIA), Branched.as("consortia"))
                .branch((id, out) -> out.goesTo(Target.PROGRAMMES), Branched.as("programmes"))
                .noDefaultBranch();
        outputs.get("event-output-events")
                .mapValues(EventOutput::event, Named.as("event-values"))
                .to(topics.events().name(), reframed(topics.events(), events, "cluster-events-sink"));
        return new EventCountChanges(
                eventCounts(outputs.get("event-output-clusters"), ClusterActivity.class, "clusters"),
                eventCounts(outputs.get("event-output-consortia"), ConsortiumActivity.class, "consortia"),
                eventCounts(outputs.get("event-output-programmes"), ProgrammeActivity.class, "programmes"));
    }

    private static <A extends SpecificRecordBase> KStream<String, A> eventCounts(
            KStream<String, EventOutput> changes, Class<A> type, String entities) {
        return changes.mapValues(out -> type.cast(out.change()), Named.as("event-counts-of-" + entities));
    }

    private <V extends SpecificRecord> void globalStore(
            StreamsBuilder builder, Topic<String, V> topic, String storeName, ReferenceChanges changes) {
        // every news looks reference records up several times: decode each distinct record once
        Serde<V> values = Serdes.serdeFrom(
                topic.valueSerde().serializer(),
                new DecodedOnceDeserializer<>(topic.valueSerde().deserializer(), REFERENCE_DECODE_CACHE_ENTRIES));
        // in memory and uncached: every news reads several reference records, and from RocksDB each read went
        // through JNI and the record cache (a twelfth of the stream thread in a profile with native frames). The
        // reference data is small (organisations, consortia, programmes), and a global store has no changelog: an
        // in-memory one is filled again from its compacted topic at every start, which for reference data is quick
        builder.globalTable(
                topic.name(),
                Consumed.with(topic.keySerde(), values).withName(topic.name()),
                Materialized.<String, V>as(changes.inMemoryStore(storeName))
                        .withKeySerde(topic.keySerde())
                        .withValueSerde(values)
                        .withCachingDisabled());
    }

    /** Internal topics and stores are ours alone: encoded without the schema registry (see {@link InternalAvroSerde}). */
    private static <V extends SpecificRecord> Serde<V> internalSerde(Class<V> type) {
        return InternalAvroSerde.of(type);
    }

    /**
     * A public topic's sink for values a write-back store has just written for its changelog: the same Avro binary
     * framed in the Confluent wire format, not encoded a second time (the output topics carry the same bytes as before).
     */
    private static <V extends SpecificRecord> Produced<String, Encoded<V>> reframed(
            Topic<String, V> topic, InternalAvroSerde<V> internal, String name) {
        return Produced.with(topic.keySerde(), new ReframingSerde<>(internal, topic.valueSerde()))
                .withName(name);
    }
}
