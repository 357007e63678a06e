package eu.clusternews.bench.jmh;

import eu.clusternews.avro.ClusterActivity;
import eu.clusternews.avro.ClusterContribution;
import eu.clusternews.avro.NewsEvent;
import eu.clusternews.avro.Organisation;
import eu.clusternews.pipeline.ActivityAggregator;
import eu.clusternews.pipeline.Enricher;
import eu.clusternews.pipeline.FanOut;
import eu.clusternews.registry.InMemorySchemaRegistryClient;
import eu.clusternews.registry.SpecificAvroSerde;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serializer;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * One aggregate update of a busy cluster (the busiest of 1 000 news: about a hundred counted news, months spread
 * over 13 years), three ways: as the pipeline's ActivityProcessor does it (decode the current value from the store's
 * bytes, merge, encode it for the store, encode it again for the output topic), the merge alone on a decoded value
 * (what a processor caching decoded aggregates would pay per update), and the serde part alone.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class AggregateBenchmark {

    private static final String TOPIC = "cluster-activity";

    private final ActivityAggregator aggregator = new ActivityAggregator();
    private ClusterActivity current;
    private byte[] currentBytes;
    private List<ClusterContribution> contributions;
    private Optional<Organisation> organisation;
    private Serializer<ClusterActivity> serializer;
    private Deserializer<ClusterActivity> deserializer;
    private int next;

    @Setup
    public void setUp() {
        BenchCorpus corpus = BenchCorpus.get();
        current = corpus.busiestClusterActivity();
        String clusterId = current.getClusterId();
        organisation = corpus.lookup.organisation(clusterId);
        Enricher enricher = new Enricher(corpus.lookup);
        contributions = new ArrayList<>();
        for (NewsEvent news : corpus.events) {
            for (ClusterContribution c : FanOut.perCluster(enricher.enrich(news, Instant.EPOCH))) {
                if (c.getEntityId().equals(clusterId)) {
                    contributions.add(c);
                }
            }
        }
        SpecificAvroSerde<ClusterActivity> serde = new SpecificAvroSerde<>(ClusterActivity.class, new InMemorySchemaRegistryClient());
        serde.configure(Map.of(), false);
        serializer = serde.serializer();
        deserializer = serde.deserializer();
        currentBytes = serializer.serialize(TOPIC, current);
    }

    /** decode (store get) → merge → encode (store put) → encode (sink): the work per update today. */
    @Benchmark
    public int updateAsTheProcessorDoes() {
        ClusterActivity stored = deserializer.deserialize(TOPIC, currentBytes);
        ClusterActivity updated = aggregator.addToCluster(stored, nextContribution(), organisation);
        byte[] forStore = serializer.serialize(TOPIC, updated);
        byte[] forTopic = serializer.serialize(TOPIC, updated);
        return forStore.length + forTopic.length;
    }

    /** The merge alone, on the decoded value. */
    @Benchmark
    public ClusterActivity mergeOnly() {
        return aggregator.addToCluster(current, nextContribution(), organisation);
    }

    /** decode + two encodes of the same value, without the merge. */
    @Benchmark
    public int serdeOnly() {
        ClusterActivity stored = deserializer.deserialize(TOPIC, currentBytes);
        return serializer.serialize(TOPIC, stored).length + serializer.serialize(TOPIC, stored).length;
    }

    private ClusterContribution nextContribution() {
        ClusterContribution c = contributions.get(next);
        next = next + 1 == contributions.size() ? 0 : next + 1;
        return c;
    }
}
