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
import org.apache.avro.specific.SpecificRecord;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Setup;

/**
 * Our Confluent-format Serde (SpecificAvroSerializer / SpecificAvroDeserializer over an in-memory registry) against
 * Avro's raw binary encoder and decoder with reused buffers, the floor any Avro serde sits on. Values
 * ({@link #value}): a typical NewsEvent (~2.5 KB of text) and the ClusterActivity of the busiest cluster after 1 000
 * news.
 */
public class SerdeBenchmark extends MicrosBenchmark {

    /** The value measured: {@code news} (a typical NewsEvent) or {@code activity} (the busiest ClusterActivity). */
    @Param({"news", "activity"})
    public String value;

    private Codec<?> codec;

    @Setup
    public void setUp() throws IOException {
        BenchCorpus corpus = BenchCorpus.get();
        codec = switch (value) {
            case "news" -> new Codec<>(NewsEvent.class, "cluster-news", corpus.typicalNews());
            case "activity" -> new Codec<>(ClusterActivity.class, "cluster-activity", corpus.busiestClusterActivity());
            default -> throw new IllegalArgumentException("value is news or activity, not " + value);
        };
    }

    @Benchmark
    public byte[] serializeSerde() {
        return codec.serializeSerde();
    }

    @Benchmark
    public byte[] serializeRawAvro() throws IOException {
        return codec.serializeRaw();
    }

    @Benchmark
    public SpecificRecord deserializeSerde() {
        return codec.deserializeSerde();
    }

    @Benchmark
    public SpecificRecord deserializeRawAvro() throws IOException {
        return codec.deserializeRaw();
    }

    /** One value with both ways to write and read it: our Serde, and Avro's binary coding with reused buffers. */
    private static final class Codec<T extends SpecificRecord> {
        private final String topic;
        private final T value;
        private final SpecificAvroSerializer<T> serializer;
        private final SpecificAvroDeserializer<T> deserializer;
        private final SpecificDatumWriter<T> writer;
        private final SpecificDatumReader<T> reader;
        private final ByteArrayOutputStream buffer = new ByteArrayOutputStream(8192);
        private BinaryEncoder encoder;
        private BinaryDecoder decoder;
        private final byte[] wire;
        private final byte[] raw;

        Codec(Class<T> type, String topic, T value) throws IOException {
            this.topic = topic;
            this.value = value;
            InMemorySchemaRegistryClient registry = new InMemorySchemaRegistryClient();
            serializer = new SpecificAvroSerializer<>(type, registry);
            serializer.configure(Map.of(), false);
            deserializer = new SpecificAvroDeserializer<>(type, registry);
            deserializer.configure(Map.of(), false);
            writer = new SpecificDatumWriter<>(type);
            reader = new SpecificDatumReader<>(type);
            wire = serializeSerde();
            raw = serializeRaw();
        }

        byte[] serializeSerde() {
            return serializer.serialize(topic, value);
        }

        byte[] serializeRaw() throws IOException {
            buffer.reset();
            encoder = EncoderFactory.get().binaryEncoder(buffer, encoder);
            writer.write(value, encoder);
            encoder.flush();
            return buffer.toByteArray();
        }

        T deserializeSerde() {
            return deserializer.deserialize(topic, wire);
        }

        T deserializeRaw() throws IOException {
            decoder = DecoderFactory.get().binaryDecoder(raw, decoder);
            return reader.read(null, decoder);
        }
    }
}
