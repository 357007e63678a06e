package eu.clusternews.bench.jmh;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

import eu.clusternews.avro.ClusterContribution;
import eu.clusternews.avro.Consortium;
import eu.clusternews.avro.EnrichedNews;
import eu.clusternews.avro.NewsEvent;
import eu.clusternews.avro.Organisation;
import eu.clusternews.avro.Programme;
import eu.clusternews.pipeline.Enricher;
import eu.clusternews.pipeline.FanOut;
import eu.clusternews.pipeline.ReferenceLookup;
import eu.clusternews.registry.InMemorySchemaRegistryClient;
import eu.clusternews.registry.SpecificAvroSerde;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serializer;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Setup;

/**
 * The enrichment step: the pipeline's {@link Enricher} (what EnrichProcessor runs per news) on 1 000 extracted news,
 * with the reference data behind two lookups — plain maps of decoded records (the CPU floor of the step), and maps of
 * Avro bytes decoded on every lookup, which is what the topology's global stores cost besides RocksDB itself (a global
 * store keeps serialized values, so each lookup deserializes). Also enrichment plus the fan-out to contributions.
 */
public class EnrichBenchmark extends MicrosBenchmark {

    private List<NewsEvent> events;
    private Enricher withDecodedMaps;
    private Enricher withSerializedMaps;
    private final Instant now = Instant.parse("2026-11-28T12:00:00Z");
    private int next;

    @Setup
    public void setUp() {
        BenchCorpus corpus = BenchCorpus.get();
        events = corpus.events;
        withDecodedMaps = new Enricher(corpus.lookup);
        withSerializedMaps = new Enricher(new SerializedLookup(corpus));
    }

    @Benchmark
    public EnrichedNews enrichWithDecodedReference() {
        return withDecodedMaps.enrich(nextNews(), now);
    }

    @Benchmark
    public EnrichedNews enrichWithSerializedReference() {
        return withSerializedMaps.enrich(nextNews(), now);
    }

    @Benchmark
    public int enrichAndFanOut() {
        EnrichedNews enriched = withDecodedMaps.enrich(nextNews(), now);
        List<ClusterContribution> clusters = FanOut.perCluster(enriched);
        return clusters.size()
                + FanOut.perConsortium(enriched).size()
                + FanOut.perProgramme(enriched).size();
    }

    private NewsEvent nextNews() {
        NewsEvent news = events.get(next);
        next = next + 1 == events.size() ? 0 : next + 1;
        return news;
    }

    /** Reference records kept as Confluent-format bytes and decoded on each lookup, like a global store's values. */
    private static final class SerializedLookup implements ReferenceLookup {
        private final SerializedTable<Organisation> organisations;
        private final SerializedTable<Consortium> consortia;
        private final SerializedTable<Programme> programmes;

        SerializedLookup(BenchCorpus corpus) {
            InMemorySchemaRegistryClient registry = new InMemorySchemaRegistryClient();
            organisations = new SerializedTable<>(Organisation.class, "ref-organisations", registry);
            organisations.putAll(corpus.reference.organisations(), Organisation::getId);
            consortia = new SerializedTable<>(Consortium.class, "ref-consortia", registry);
            consortia.putAll(corpus.reference.consortia(), Consortium::getId);
            programmes = new SerializedTable<>(Programme.class, "ref-programmes", registry);
            programmes.putAll(corpus.reference.programmes(), Programme::getId);
        }

        @Override
        public Optional<Organisation> organisation(String id) {
            return organisations.get(id);
        }

        @Override
        public Optional<Consortium> consortium(String id) {
            return consortia.get(id);
        }

        @Override
        public Optional<Programme> programme(String id) {
            return programmes.get(id);
        }
    }

    /** One reference topic's records by id, as the Confluent-format bytes a global store keeps. */
    private static final class SerializedTable<V extends SpecificRecord> {
        private final Map<String, byte[]> bytesById = new HashMap<>();
        private final String topic;
        private final Serializer<V> serializer;
        private final Deserializer<V> deserializer;

        SerializedTable(Class<V> type, String topic, InMemorySchemaRegistryClient registry) {
            SpecificAvroSerde<V> serde = new SpecificAvroSerde<>(type, registry);
            serde.configure(Map.of(), false);
            this.topic = topic;
            this.serializer = serde.serializer();
            this.deserializer = serde.deserializer();
        }

        void putAll(List<V> records, Function<V, String> id) {
            records.forEach(r -> bytesById.put(id.apply(r), serializer.serialize(topic, r)));
        }

        /** Decodes the record on every call, as a lookup in a global store does. */
        Optional<V> get(String id) {
            byte[] bytes = bytesById.get(id);
            return bytes == null ? Optional.empty() : Optional.of(deserializer.deserialize(topic, bytes));
        }
    }
}
