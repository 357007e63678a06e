package eu.clusternews.pipeline.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import eu.clusternews.avro.ClusterActivity;
import eu.clusternews.registry.InMemorySchemaRegistryClient;
import eu.clusternews.registry.SpecificAvroSerde;
import org.junit.jupiter.api.Test;

/** A write-back store's bytes reach a public topic framed, and exactly as the topic's serializer writes them. */
class ReframingSerdeTest {

    private static final String TOPIC = "cluster-activity";

    private final InternalAvroSerde<ClusterActivity> internal = InternalAvroSerde.of(ClusterActivity.class);
    private final SpecificAvroSerde<ClusterActivity> topic =
            new SpecificAvroSerde<>(ClusterActivity.class, new InMemorySchemaRegistryClient());
    private final ReframingSerde<ClusterActivity> reframing;

    ReframingSerdeTest() {
        topic.configure(Map.of(), false);
        reframing = new ReframingSerde<>(internal, topic);
    }

    @Test
    void framesTheStoresBytesIntoWhatTheTopicsSerializerWrites() {
        ClusterActivity activity = InternalAvroSerdeTest.clusterActivity();
        byte[] stored = internal.serialize("cluster-activity-store-changelog", activity);

        byte[] published = reframing.serializer().serialize(TOPIC, new Encoded<>(activity, stored));

        assertThat(published).isEqualTo(topic.serializer().serialize(TOPIC, activity));
        assertThat(reframing.deserializer().deserialize(TOPIC, published).value())
                .isEqualTo(activity);
    }

    @Test
    void encodesTheValueWhenTheBytesAreNotInItsCurrentSchema() {
        ClusterActivity activity = InternalAvroSerdeTest.clusterActivity();
        ClusterActivity other =
                ClusterActivity.newBuilder(activity).setNewsCount(99).build();
        byte[] otherBytes = internal.serialize("cluster-activity-store-changelog", other);
        otherBytes[2] ^= 1; // another schema's fingerprint

        byte[] published = reframing.serializer().serialize(TOPIC, new Encoded<>(activity, otherBytes));

        assertThat(published).isEqualTo(topic.serializer().serialize(TOPIC, activity));
        assertThat(reframing.serializer().serialize(TOPIC, new Encoded<>(activity, null)))
                .isEqualTo(published);
    }

    @Test
    void aValueThatIsNoMoreIsATombstone() {
        assertThat(reframing.serializer().serialize(TOPIC, new Encoded<>(null, null)))
                .isNull();
        assertThat(reframing.serializer().serialize(TOPIC, null)).isNull();
        assertThat(reframing.deserializer().deserialize(TOPIC, null)).isNull();
    }
}
