package eu.clusternews.bench.jmh;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Map;

import eu.clusternews.avro.ClusterActivity;
import eu.clusternews.avro.NewsEvent;
import eu.clusternews.registry.InMemorySchemaRegistryClient;
import eu.clusternews.registry.SpecificAvroDeserializer;
import eu.clusternews.registry.SpecificAvroSerializer;
import org.apache.avro.io.BinaryDecoder;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.DecoderFactory;
import org.apache.avro.io.EncoderFactory;
import org.apache.avro.specific.SpecificDatumReader;
import org.apache.avro.specific.SpecificDatumWriter;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Setup;

/**
 * Our Confluent-format Serde (SpecificAvroSerializer / SpecificAvroDeserializer over an in-memory registry) against
 * Avro's raw binary encoder and decoder with reused buffers, the floor any Avro serde sits on. Values: a typical
 * NewsEvent (~2.5 KB of text) and the ClusterActivity of the busiest cluster after 1 000 news.
 */
public class SerdeBenchmark extends MicrosBenchmark {

    private static final String NEWS_TOPIC = "cluster-news";
    private static final String ACTIVITY_TOPIC = "cluster-activity";

    private NewsEvent news;
    private ClusterActivity activity;

    private SpecificAvroSerializer<NewsEvent> newsSerializer;
    private SpecificAvroDeserializer<NewsEvent> newsDeserializer;
    private SpecificAvroSerializer<ClusterActivity> activitySerializer;
    private SpecificAvroDeserializer<ClusterActivity> activityDeserializer;
    private byte[] newsWire;
    private byte[] activityWire;

    private final SpecificDatumWriter<NewsEvent> newsWriter = new SpecificDatumWriter<>(NewsEvent.class);
    private final SpecificDatumReader<NewsEvent> newsReader = new SpecificDatumReader<>(NewsEvent.class);
    private final SpecificDatumWriter<ClusterActivity> activityWriter =
            new SpecificDatumWriter<>(ClusterActivity.class);
    private final SpecificDatumReader<ClusterActivity> activityReader =
            new SpecificDatumReader<>(ClusterActivity.class);
    private final ByteArrayOutputStream buffer = new ByteArrayOutputStream(8192);
    private BinaryEncoder encoder;
    private BinaryDecoder decoder;
    private byte[] newsRaw;
    private byte[] activityRaw;

    @Setup
    public void setUp() throws IOException {
        BenchCorpus corpus = BenchCorpus.get();
        news = corpus.typicalNews();
        activity = corpus.busiestClusterActivity();
        InMemorySchemaRegistryClient registry = new InMemorySchemaRegistryClient();
        newsSerializer = new SpecificAvroSerializer<>(NewsEvent.class, registry);
        newsSerializer.configure(Map.of(), false);
        newsDeserializer = new SpecificAvroDeserializer<>(NewsEvent.class, registry);
        newsDeserializer.configure(Map.of(), false);
        activitySerializer = new SpecificAvroSerializer<>(ClusterActivity.class, registry);
        activitySerializer.configure(Map.of(), false);
        activityDeserializer = new SpecificAvroDeserializer<>(ClusterActivity.class, registry);
        activityDeserializer.configure(Map.of(), false);
        newsWire = newsSerializer.serialize(NEWS_TOPIC, news);
        activityWire = activitySerializer.serialize(ACTIVITY_TOPIC, activity);
        newsRaw = rawNews();
        activityRaw = rawActivity();
    }

    @Benchmark
    public byte[] newsSerializeSerde() {
        return newsSerializer.serialize(NEWS_TOPIC, news);
    }

    @Benchmark
    public byte[] newsSerializeRawAvro() throws IOException {
        return rawNews();
    }

    @Benchmark
    public NewsEvent newsDeserializeSerde() {
        return newsDeserializer.deserialize(NEWS_TOPIC, newsWire);
    }

    @Benchmark
    public NewsEvent newsDeserializeRawAvro() throws IOException {
        decoder = DecoderFactory.get().binaryDecoder(newsRaw, decoder);
        return newsReader.read(null, decoder);
    }

    @Benchmark
    public byte[] activitySerializeSerde() {
        return activitySerializer.serialize(ACTIVITY_TOPIC, activity);
    }

    @Benchmark
    public byte[] activitySerializeRawAvro() throws IOException {
        return rawActivity();
    }

    @Benchmark
    public ClusterActivity activityDeserializeSerde() {
        return activityDeserializer.deserialize(ACTIVITY_TOPIC, activityWire);
    }

    @Benchmark
    public ClusterActivity activityDeserializeRawAvro() throws IOException {
        decoder = DecoderFactory.get().binaryDecoder(activityRaw, decoder);
        return activityReader.read(null, decoder);
    }

    private byte[] rawNews() throws IOException {
        buffer.reset();
        encoder = EncoderFactory.get().binaryEncoder(buffer, encoder);
        newsWriter.write(news, encoder);
        encoder.flush();
        return buffer.toByteArray();
    }

    private byte[] rawActivity() throws IOException {
        buffer.reset();
        encoder = EncoderFactory.get().binaryEncoder(buffer, encoder);
        activityWriter.write(activity, encoder);
        encoder.flush();
        return buffer.toByteArray();
    }
}
