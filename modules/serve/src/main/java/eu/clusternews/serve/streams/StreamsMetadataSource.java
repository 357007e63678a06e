package eu.clusternews.serve.streams;

import java.util.Collection;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.KeyQueryMetadata;
import org.apache.kafka.streams.state.HostInfo;

/** The parts of Kafka Streams' metadata that routing needs; an interface so routing is testable without a broker. */
public interface StreamsMetadataSource {

    KafkaStreams.State state();

    /** Metadata of the partition that holds {@code key}; may be null or {@link KeyQueryMetadata#NOT_AVAILABLE}. */
    KeyQueryMetadata queryMetadataForKey(String store, String key);

    /** The hosts of every instance that has active partitions of the store. */
    Collection<HostInfo> hostsForStore(String store);

    /** Reads the metadata of a running {@link KafkaStreams}; keys are strings (reference ids, news ids). */
    static StreamsMetadataSource of(KafkaStreams streams) {
        org.apache.kafka.common.serialization.Serializer<String> keys = new org.apache.kafka.common.serialization.StringSerializer();
        return new StreamsMetadataSource() {
            @Override
            public KafkaStreams.State state() {
                return streams.state();
            }

            @Override
            public KeyQueryMetadata queryMetadataForKey(String store, String key) {
                return streams.queryMetadataForKey(store, key, keys);
            }

            @Override
            public Collection<HostInfo> hostsForStore(String store) {
                return streams.streamsMetadataForStore(store).stream().map(m -> m.hostInfo()).toList();
            }
        };
    }
}
