package eu.clusternews.history.replay;

import java.io.PrintWriter;

import eu.clusternews.history.RecordRenderer;
import eu.clusternews.registry.SchemaRegistryClient;

/** Prints each replayed news value as one line of {@link ReadableJson} (a NewsEvent or EnrichedNews object). */
public final class JsonLinesSink implements ReplaySink {

    private final PrintWriter out;
    private final SchemaRegistryClient registry;
    private RecordRenderer renderer;
    private long written;

    public JsonLinesSink(PrintWriter out, SchemaRegistryClient registry) {
        this.out = out;
        this.registry = registry;
    }

    @Override
    public void accept(ReplayedRecord record) {
        if (renderer == null) {
            renderer = new RecordRenderer(record.topic(), registry);
        }
        out.println(RecordRenderer.line(renderer.value(record.asConsumerRecord())));
        written++;
    }

    @Override
    public void finish() {
        out.flush();
    }

    @Override
    public long written() {
        return written;
    }

    @Override
    public void close() {
        out.flush();
    }
}
