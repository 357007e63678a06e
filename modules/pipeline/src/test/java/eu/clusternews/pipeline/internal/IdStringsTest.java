package eu.clusternews.pipeline.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.Size;
import org.apache.avro.io.BinaryDecoder;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.DecoderFactory;
import org.apache.avro.io.EncoderFactory;
import org.apache.avro.util.Utf8;
import org.junit.jupiter.api.Test;

/** Ids read as kept instances: the same strings Avro reads, and the same instance for the same id. */
class IdStringsTest {

    @Property(tries = 300)
    void readsEveryIdAsAvroWritesItAndTheSameIdAsTheSameInstance(@ForAll @Size(max = 12) List<String> ids)
            throws IOException {
        // each id twice in a row: a direct-mapped cache keeps an id until another one takes its slot
        List<String> twice = new ArrayList<>();
        ids.forEach(id -> twice.addAll(List.of(id, id)));

        List<String> read = IdStrings.readAll(decoder(twice), new Utf8());

        assertThat(read).isEqualTo(twice);
        for (int i = 0; i < ids.size(); i++) {
            if (ids.get(i).getBytes(StandardCharsets.UTF_8).length <= 256) {
                assertThat(read.get(2 * i + 1)).isSameAs(read.get(2 * i));
            }
        }
    }

    @Test
    void anIdTooLongToKeepIsStillReadWhole() throws IOException {
        String longId = "org:" + "x".repeat(300);

        List<String> read = IdStrings.readAll(decoder(List.of(longId, "org:a", longId)), new Utf8());

        assertThat(read).containsExactly(longId, "org:a", longId);
    }

    private static BinaryDecoder decoder(List<String> ids) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        BinaryEncoder out = EncoderFactory.get().directBinaryEncoder(bytes, null);
        BinaryLayout.writeStrings(ids, out);
        out.flush();
        return DecoderFactory.get().binaryDecoder(bytes.toByteArray(), null);
    }
}
