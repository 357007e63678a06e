package eu.clusternews.history.reprocess;

import java.nio.file.Path;
import java.util.Set;

/** The Kafka Streams application reprocess resets and runs again: what it reads, where it keeps state, how to start it. */
public interface PipelineDefinition {

    /** The application id: its group id and the prefix of its internal topics. */
    String applicationId();

    /** The topics its topology reads with committed offsets (not global-store topics, not internal topics). */
    Set<String> inputTopics();

    /**
     * The topics its topology writes (not internal topics); reprocess rebuilds those the topic catalogue marks as
     * compacted tables.
     */
    Set<String> outputTopics();

    /** This instance's local state: {@code <state.dir>/<application.id>}. */
    Path localStateDir();

    /** Deletes the local state ({@code KafkaStreams.cleanUp()}) and starts processing. */
    RunningPipeline startClean();

    /** A started pipeline. */
    interface RunningPipeline extends AutoCloseable {

        /** Why it stopped when it failed (state ERROR or NOT_RUNNING before being closed), else null. */
        String failure();

        /** Commits, stops and leaves the group, so the group is empty at once. */
        @Override
        void close();
    }
}
