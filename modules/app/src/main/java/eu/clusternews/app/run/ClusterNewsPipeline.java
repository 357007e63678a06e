package eu.clusternews.app.run;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import eu.clusternews.history.reprocess.PipelineDefinition;
import eu.clusternews.pipeline.ClusterNewsTopology;
import eu.clusternews.pipeline.PipelineConfig;
import eu.clusternews.pipeline.PipelineRunner;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TopologyDescription;

/**
 * The clusternews pipeline ({@link ClusterNewsTopology} run by {@link PipelineRunner}) as reprocess needs it: the
 * adapter of history's {@link PipelineDefinition} port.
 */
public final class ClusterNewsPipeline implements PipelineDefinition {

    private final PipelineConfig config;

    public ClusterNewsPipeline(PipelineConfig config) {
        this.config = config;
    }

    /**
     * @param clientConfig  client settings (bootstrap.servers, schema.registry.url, security, any Streams setting)
     * @param applicationId the application to reprocess (null: the setting in clientConfig, else
     *                      {@value PipelineConfig#DEFAULT_APPLICATION_ID})
     * @param stateDir      the runner's state directory (null: the setting in clientConfig, else Kafka's default)
     */
    public ClusterNewsPipeline(Map<String, ?> clientConfig, String applicationId, Path stateDir) {
        this(PipelineConfig.of(overrides(clientConfig, applicationId, stateDir)));
    }

    private static Map<String, String> overrides(Map<String, ?> clientConfig, String applicationId, Path stateDir) {
        Map<String, String> overrides = new HashMap<>();
        clientConfig.forEach((key, value) -> {
            if (value != null) {
                overrides.put(key, value.toString());
            }
        });
        if (applicationId != null) {
            overrides.put(StreamsConfig.APPLICATION_ID_CONFIG, applicationId);
        }
        if (stateDir != null) {
            overrides.put(StreamsConfig.STATE_DIR_CONFIG, stateDir.toString());
        }
        return overrides;
    }

    @Override
    public String applicationId() {
        return config.applicationId();
    }

    @Override
    public Set<String> inputTopics() {
        return sourceOrSinkTopics(true);
    }

    @Override
    public Set<String> outputTopics() {
        return sourceOrSinkTopics(false);
    }

    /** The topics the topology's sources read or its sinks write, internal (repartition) topics left out. */
    private Set<String> sourceOrSinkTopics(boolean sources) {
        TopologyDescription description = new ClusterNewsTopology(config.serdeConfig())
                .build(config.streamsProperties())
                .describe();
        Set<String> topics = new TreeSet<>();
        for (TopologyDescription.Subtopology subtopology : description.subtopologies()) {
            for (TopologyDescription.Node node : subtopology.nodes()) {
                if (sources && node instanceof TopologyDescription.Source source && source.topicSet() != null) {
                    topics.addAll(source.topicSet());
                } else if (!sources && node instanceof TopologyDescription.Sink sink && sink.topic() != null) {
                    topics.add(sink.topic());
                }
            }
        }
        topics.removeIf(topic -> topic.endsWith("-repartition"));
        return topics;
    }

    @Override
    public Path localStateDir() {
        String stateDir = config.get(StreamsConfig.STATE_DIR_CONFIG);
        if (stateDir == null) {
            stateDir = new StreamsConfig(config.streamsProperties()).getString(StreamsConfig.STATE_DIR_CONFIG);
        }
        return Path.of(stateDir).resolve(applicationId());
    }

    @Override
    public RunningPipeline startClean() {
        PipelineRunner runner = new PipelineRunner(config);
        runner.streams().cleanUp();
        // Ctrl-C during a reprocess: leave the group on the way out (the runner's close does), so the rerun that
        // resumes it is not refused for a session timeout
        Thread onExit = new Thread(runner::close, "clusternews-reprocess-pipeline-close");
        Runtime.getRuntime().addShutdownHook(onExit);
        runner.start();
        return new RunningPipeline() {
            @Override
            public String failure() {
                return runner.failure().getNow(null);
            }

            @Override
            public void close() {
                try {
                    Runtime.getRuntime().removeShutdownHook(onExit);
                } catch (IllegalStateException shuttingDown) {
                    // the hook is closing the runner already
                }
                runner.close();
            }
        };
    }
}
