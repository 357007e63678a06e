package eu.clusternews.pipeline.state;

import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.processor.internals.InternalProcessorContext;
import org.apache.kafka.streams.processor.internals.ProcessorNode;
import org.apache.kafka.streams.processor.internals.ProcessorRecordContext;

/**
 * Forwards an aggregate downstream from the aggregate processor's node when its store writes it down, including
 * when Kafka Streams flushes the store just before it commits the task's transaction; at that moment no processor
 * is current, so the node and the record context of the update are set for the duration of the forward.
 *
 * <p>This is what Kafka Streams' own DSL aggregations do when their record cache is flushed
 * ({@code TimestampedCacheFlushListener}), and like them it uses Streams' internal context: the public Processor API
 * has no hook before a commit. Pinned by the step tests (TopologyTestDriver) and the crash test; re-check on a Kafka upgrade.
 */
public final class FlushForwarder<V> {

    private final InternalProcessorContext<String, V> context;
    private final ProcessorNode<?, ?, ?, ?> node;

    @SuppressWarnings("unchecked")
    public FlushForwarder(ProcessorContext<String, V> context) {
        this.context = (InternalProcessorContext<String, V>) context;
        this.node = this.context.currentNode();
    }

    /** The record context of the record being processed now, to forward its update with later. */
    public ProcessorRecordContext currentRecordContext() {
        return context.recordContext();
    }

    public void forward(String key, V value, long timestamp, ProcessorRecordContext updateContext) {
        ProcessorNode<?, ?, ?, ?> previousNode = context.currentNode();
        ProcessorRecordContext previousContext = context.recordContext();
        try {
            context.setCurrentNode(node);
            if (updateContext != null) {
                context.setRecordContext(updateContext);
            }
            context.forward(
                    new Record<>(key, value, timestamp, updateContext != null ? updateContext.headers() : null));
        } finally {
            context.setRecordContext(previousContext);
            context.setCurrentNode(previousNode);
        }
    }
}
