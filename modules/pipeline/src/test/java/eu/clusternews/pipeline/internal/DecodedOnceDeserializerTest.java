package eu.clusternews.pipeline.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;

import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;

class DecodedOnceDeserializerTest {

    private final DecodedOnceDeserializer<String> decoder =
            new DecodedOnceDeserializer<>(new StringDeserializer(), 100);

    @Test
    void theSameBytesInAnotherArrayGiveTheSameDecodedObject() {
        String first = decoder.deserialize("ref-consortia", bytes("cons:inno-drop " + "m".repeat(2_000)));
        String again = decoder.deserialize("ref-consortia", bytes("cons:inno-drop " + "m".repeat(2_000)));

        assertThat(again).isSameAs(first);
    }

    @Test
    void valuesThatDifferInAnyOneByteAreDecodedApart() {
        // long values alike but for one byte at every position in turn: sampled or not, each is its own value
        String base = "cons:inno-drop " + "m".repeat(1_000);
        for (int at = 0; at < base.length(); at += 7) {
            String changed = base.substring(0, at) + "X" + base.substring(at + 1);
            assertThat(decoder.deserialize("ref-consortia", bytes(changed))).isEqualTo(changed);
            assertThat(decoder.deserialize("ref-consortia", bytes(base))).isEqualTo(base);
        }
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
