package eu.clusternews.app.commands;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

import eu.clusternews.pipeline.PipelineConfig;
import org.apache.kafka.streams.StreamsConfig;
import picocli.CommandLine.Option;

/**
 * Which pipeline application a command runs or resets, shared by {@code pipeline} and {@code reprocess} so that,
 * given the same file and environment, both act on the same {@code application.id} and {@code state.dir}. The flags
 * have no default of their own: unset, the file or the environment decides, else the pipeline's defaults.
 */
public final class PipelineOptions {

    @Option(
            names = "--application-id",
            paramLabel = "ID",
            description = "Kafka Streams application id: its consumer group and the prefix of its internal topics "
                    + "(default: application.id from --config or the environment, else "
                    + PipelineConfig.DEFAULT_APPLICATION_ID + ").")
    String applicationId;

    @Option(
            names = "--state-dir",
            paramLabel = "DIR",
            description = "Local state of the stores (default: state.dir from --config or the environment, else "
                    + "data/streams).")
    Path stateDir;

    /** These options as properties, for the flag layer of the settings (null: not given). */
    Map<String, String> flags() {
        Map<String, String> flags = new LinkedHashMap<>();
        flags.put(StreamsConfig.APPLICATION_ID_CONFIG, applicationId);
        flags.put(StreamsConfig.STATE_DIR_CONFIG, stateDir == null ? null : stateDir.toString());
        return flags;
    }
}
