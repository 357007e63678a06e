package eu.clusternews.bench.jmh;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import eu.clusternews.avro.ClusterActivity;
import eu.clusternews.avro.ClusterContribution;
import eu.clusternews.avro.NewsEvent;
import eu.clusternews.pipeline.ActivityAggregator;
import eu.clusternews.pipeline.Enricher;
import eu.clusternews.pipeline.FanOut;
import eu.clusternews.pipeline.aggregate.Activity;
import eu.clusternews.pipeline.aggregate.ActivityKind;
import eu.clusternews.pipeline.internal.InternalAvroSerde;
import eu.clusternews.registry.InMemorySchemaRegistryClient;
import eu.clusternews.registry.SpecificAvroSerde;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serializer;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Setup;

/**
 * One aggregate update of a busy cluster (the busiest of 1 000 news: about a hundred counted news, months spread
 * over 13 years): as the pipeline did it before its aggregate store (decode the current value from the store's
 * bytes, merge into a new record, encode it for the store and again for the output topic), as it does it now (the
 * merge in place on the decoded activity the store keeps), and what the store pays once per entity and commit
 * (write the record, encode it for the changelog and for the output topic).
 */
public class AggregateBenchmark extends MicrosBenchmark {

    private static final String TOPIC = "cluster-activity";

    private final ActivityAggregator aggregator = new ActivityAggregator();
    private ClusterActivity current;
    private byte[] currentBytes;
    private Activity live;
    private List<ClusterContribution> contributions;
    private Serializer<ClusterActivity> serializer;
    private Deserializer<ClusterActivity> deserializer;
    private InternalAvroSerde<ClusterActivity> internal;
    private int next;

    @Setup
    public void setUp() {
        BenchCorpus corpus = BenchCorpus.get();
        current = corpus.busiestClusterActivity();
        String clusterId = current.getClusterId();
        Enricher enricher = new Enricher(corpus.lookup);
        contributions = new ArrayList<>();
        for (NewsEvent news : corpus.events) {
            for (ClusterContribution c : FanOut.perCluster(enricher.enrich(news, Instant.EPOCH), corpus.lookup)) {
                if (c.getEntityId().equals(clusterId)) {
                    contributions.add(c);
                }
            }
        }
        SpecificAvroSerde<ClusterActivity> serde =
                new SpecificAvroSerde<>(ClusterActivity.class, new InMemorySchemaRegistryClient());
        serde.configure(Map.of(), false);
        serializer = serde.serializer();
        deserializer = serde.deserializer();
        internal = InternalAvroSerde.of(ClusterActivity.class);
        currentBytes = serializer.serialize(TOPIC, current);
        live = ActivityKind.CLUSTER.read(current);
    }

    /** decode (store get) → merge into a new record → encode (store put) → encode (sink): the work per update before. */
    @Benchmark
    public int updateAsBefore() {
        ClusterActivity stored = deserializer.deserialize(TOPIC, currentBytes);
        ClusterActivity updated = aggregator.addToCluster(stored, nextContribution());
        byte[] forStore = serializer.serialize(TOPIC, updated);
        byte[] forTopic = serializer.serialize(TOPIC, updated);
        return forStore.length + forTopic.length;
    }

    /** The merge in place on the decoded activity: the work per update now. */
    @Benchmark
    public Activity updateInPlace() {
        live.add(nextContribution(), ActivityAggregator.DEFAULT_RECENT_HEADLINES);
        return live;
    }

    /** The record written, encoded for the changelog and for the output topic: the work per entity and commit now. */
    @Benchmark
    public int writeDown() {
        ClusterActivity record = ActivityKind.CLUSTER.write(current.getClusterId(), live);
        return internal.serialize(TOPIC, record).length + serializer.serialize(TOPIC, record).length;
    }

    private ClusterContribution nextContribution() {
        ClusterContribution c = contributions.get(next);
        next = next + 1 == contributions.size() ? 0 : next + 1;
        return c;
    }
}
