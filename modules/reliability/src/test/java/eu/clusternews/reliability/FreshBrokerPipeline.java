package eu.clusternews.reliability;

import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import eu.clusternews.app.config.Settings;
import eu.clusternews.app.run.PipelineService;
import eu.clusternews.app.setup.ClusterSetup;
import eu.clusternews.avro.EnrichedNews;
import eu.clusternews.local.EmbeddedKafkaBroker;
import eu.clusternews.local.LoopbackPorts;
import eu.clusternews.testing.Seeds;
import eu.clusternews.topics.ClusterNewsTopics;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * A broker of the test's own on a free port, set up as {@code clusternews setup} does against the shared registry,
 * and the pipeline running on it: the start of every reliability test that feeds the running pipeline bad input.
 */
record FreshBrokerPipeline(
        EmbeddedKafkaBroker broker,
        Map<String, Object> clientConfig,
        ClusterNewsTopics topics,
        PipelineService pipeline)
        implements AutoCloseable {

    /** Broker data in {@code dir/broker}, pipeline state in {@code dir/streams}; returns once the pipeline runs. */
    static FreshBrokerPipeline start(Path dir, String applicationId, Duration patience) throws InterruptedException {
        EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.builder(dir.resolve("broker"))
                .port(LoopbackPorts.pickFree())
                .start();
        PipelineService pipeline = null;
        try {
            Settings settings = Settings.resolve(null, Map.of(), Map.of())
                    .withEndpoints(broker.bootstrapServers(), SharedRegistry.url());
            new ClusterSetup(settings).run(Seeds.reference(), null, (short) 1);
            Map<String, Object> clientConfig = settings.asClientConfig();
            pipeline = PipelineService.start(
                    settings.pipelineConfig(dir.resolve("streams")).with(Map.of("application.id", applicationId)),
                    new PipelineService.HttpSettings("127.0.0.1", null));
            pipeline.awaitRunning(patience);
            return new FreshBrokerPipeline(broker, clientConfig, ClusterNewsTopics.from(clientConfig), pipeline);
        } catch (RuntimeException | InterruptedException e) {
            if (pipeline != null) {
                pipeline.close();
            }
            broker.close();
            throw e;
        }
    }

    /** The values in cluster-news-enriched, read_committed, from the beginning to the end as of now. */
    List<EnrichedNews> enriched() {
        return TopicReader.readCommitted(
                        clientConfig,
                        topics.enriched().name(),
                        new StringDeserializer(),
                        topics.enriched().valueDeserializer())
                .stream()
                .map(ConsumerRecord::value)
                .toList();
    }

    /** Settings for a producer of the test's own records: these client settings, acks=all. */
    Map<String, Object> producerConfig() {
        Map<String, Object> config = new HashMap<>(clientConfig);
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        return config;
    }

    @Override
    public void close() {
        try {
            pipeline.close();
        } finally {
            broker.close();
        }
    }
}
