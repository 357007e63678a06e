package eu.clusternews.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;

import org.apache.kafka.streams.processor.api.RecordMetadata;
import org.junit.jupiter.api.Test;

class RecordLookupsTest {

    @Test
    void keepsTheLookupsOfTheRecordBeingProcessedAndForgetsThemAtTheNextRecord() {
        RecordLookups lookups = new RecordLookups();
        lookups.of(at("cluster-news", 0, 7)).consortia().put("cons:inno-drop", Optional.empty());

        assertThat(lookups.of(at("cluster-news", 0, 7)).consortia()).containsKey("cons:inno-drop");
        assertThat(lookups.of(at("cluster-news", 0, 8)).consortia()).isEmpty();

        lookups.of(at("cluster-news", 0, 8)).consortia().put("cons:inno-drop", Optional.empty());
        assertThat(lookups.of(at("cluster-news", 1, 8)).consortia())
                .as("another partition")
                .isEmpty();
        assertThat(new RecordLookups().of(at("cluster-news", 1, 8)).consortia())
                .as("another topology's processors")
                .isEmpty();
    }

    private static RecordMetadata at(String topic, int partition, long offset) {
        return new RecordMetadata() {
            @Override
            public String topic() {
                return topic;
            }

            @Override
            public int partition() {
                return partition;
            }

            @Override
            public long offset() {
                return offset;
            }
        };
    }
}
