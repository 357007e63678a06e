package eu.clusternews.history;

import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import eu.clusternews.pipeline.ClusterNewsTopology;
import eu.clusternews.pipeline.PipelineConfig;
import eu.clusternews.pipeline.PipelineRunner;
import org.apache.kafka.streams.CloseOptions;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TopologyDescription;

/** The clusternews pipeline ({@link ClusterNewsTopology} run by {@link PipelineRunner}) as reprocess needs it. */
public final class ClusterNewsPipeline implements PipelineDefinition {

    private static final Duration CLOSE_TIMEOUT = Duration.ofSeconds(60);

    private final PipelineConfig config;

    /**
     * @param clientConfig  client settings (bootstrap.servers, schema.registry.url, security, any Streams setting)
     * @param applicationId the application to reprocess (null: {@value PipelineConfig#DEFAULT_APPLICATION_ID})
     * @param stateDir      the runner's state directory (null: the setting in clientConfig, else Kafka's default)
     */
    public ClusterNewsPipeline(Map<String, ?> clientConfig, String applicationId, Path stateDir) {
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
        this.config = PipelineConfig.of(overrides);
    }

    @Override
    public String applicationId() {
        return config.applicationId();
    }

    @Override
    public Set<String> inputTopics() {
        TopologyDescription description = new ClusterNewsTopology(config.serdeConfig())
                .build(config.streamsProperties())
                .describe();
        Set<String> topics = new TreeSet<>();
        for (TopologyDescription.Subtopology subtopology : description.subtopologies()) {
            for (TopologyDescription.Node node : subtopology.nodes()) {
                if (node instanceof TopologyDescription.Source source && source.topicSet() != null) {
                    source.topicSet().stream()
                            .filter(t -> !t.endsWith("-repartition"))
                            .forEach(topics::add);
                }
            }
        }
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
        runner.start();
        return new RunningPipeline() {
            private volatile boolean closing;

            @Override
            public String failure() {
                KafkaStreams.State state = runner.state();
                if (!closing
                        && (state == KafkaStreams.State.ERROR
                                || state == KafkaStreams.State.PENDING_ERROR
                                || state == KafkaStreams.State.NOT_RUNNING)) {
                    return "the pipeline " + applicationId() + " stopped in state " + state + " (its log says why)";
                }
                return null;
            }

            @Override
            public void close() {
                closing = true;
                // leave the group at once, so the next reprocess or pipeline start does not wait for a session timeout
                runner.streams()
                        .close(CloseOptions.timeout(CLOSE_TIMEOUT)
                                .withGroupMembershipOperation(CloseOptions.GroupMembershipOperation.LEAVE_GROUP));
                runner.close(Duration.ofSeconds(5));
            }
        };
    }
}
