package eu.clusternews.bench.jmh;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

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
        private final Map<String, byte[]> organisations = new HashMap<>();
        private final Map<String, byte[]> consortia = new HashMap<>();
        private final Map<String, byte[]> programmes = new HashMap<>();
        private final Deserializer<Organisation> organisationReader;
        private final Deserializer<Consortium> consortiumReader;
        private final Deserializer<Programme> programmeReader;

        SerializedLookup(BenchCorpus corpus) {
            InMemorySchemaRegistryClient registry = new InMemorySchemaRegistryClient();
            organisationReader = fill(
                    corpus.reference.organisations(),
                    Organisation.class,
                    registry,
                    organisations,
                    "ref-organisations",
                    Organisation::getId);
            consortiumReader = fill(
                    corpus.reference.consortia(),
                    Consortium.class,
                    registry,
                    consortia,
                    "ref-consortia",
                    Consortium::getId);
            programmeReader = fill(
                    corpus.reference.programmes(),
                    Programme.class,
                    registry,
                    programmes,
                    "ref-programmes",
                    Programme::getId);
        }

        private static <V extends SpecificRecord> Deserializer<V> fill(
                List<V> records,
                Class<V> type,
                InMemorySchemaRegistryClient registry,
                Map<String, byte[]> into,
                String topic,
                java.util.function.Function<V, String> id) {
            SpecificAvroSerde<V> serde = new SpecificAvroSerde<>(type, registry);
            serde.configure(Map.of(), false);
            records.forEach(r -> into.put(id.apply(r), serde.serializer().serialize(topic, r)));
            return serde.deserializer();
        }

        @Override
        public Optional<Organisation> organisation(String id) {
            byte[] bytes = organisations.get(id);
            return bytes == null
                    ? Optional.empty()
                    : Optional.of(organisationReader.deserialize("ref-organisations", bytes));
        }

        @Override
        public Optional<Consortium> consortium(String id) {
            byte[] bytes = consortia.get(id);
            return bytes == null ? Optional.empty() : Optional.of(consortiumReader.deserialize("ref-consortia", bytes));
        }

        @Override
        public Optional<Programme> programme(String id) {
            byte[] bytes = programmes.get(id);
            return bytes == null ? Optional.empty() : Optional.of(programmeReader.deserialize("ref-programmes", bytes));
        }
    }
}
