package eu.clusternews.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import eu.clusternews.pipeline.commit.CaughtUpCommits;
import org.apache.kafka.streams.StreamsConfig;
import org.junit.jupiter.api.Test;

class PipelineConfigTest {

    @Test
    void defaultsToExactlyOnceAgainstTheLocalBrokerAndRegistry() {
        PipelineConfig config = PipelineConfig.of(Map.of());

        assertThat(config.applicationId()).isEqualTo("clusternews-pipeline");
        assertThat(config.bootstrapServers()).isEqualTo("127.0.0.1:9092");
        assertThat(config.schemaRegistryUrl()).isEqualTo("http://127.0.0.1:8081/apis/ccompat/v7");
        assertThat(config.get("processing.guarantee")).isEqualTo("exactly_once_v2");
        assertThat(config.get("ensure.explicit.internal.resource.naming")).isEqualTo("true");
        assertThat(config.get("errors.dead.letter.queue.topic.name")).isEqualTo("cluster-news-dlq");
        assertThat(config.get("processing.exception.handler")).isEqualTo(DeadLetterHandler.class.getName());
    }

    @Test
    void theProducerRetriesATransactionsRequestAfter20MsNotStreams100() {
        // a commit that finds the last one's markers still being written is answered CONCURRENT_TRANSACTIONS
        assertThat(PipelineConfig.of(Map.of()).get("producer.retry.backoff.ms")).isEqualTo("20");
        assertThat(PipelineConfig.of(Map.of("producer.retry.backoff.ms", "100")).get("producer.retry.backoff.ms"))
                .isEqualTo("100");
    }

    @Test
    void theMainConsumerLetsTheOsSizeItsSocketBufferAndFetchesFourMegabytesPerPartition() {
        Map<String, Object> mainConsumer = new org.apache.kafka.streams.StreamsConfig(
                        PipelineConfig.of(Map.of()).streamsProperties())
                .getMainConsumerConfigs("group", "client", 0);
        assertThat(mainConsumer)
                .containsEntry("receive.buffer.bytes", "-1")
                .containsEntry("max.partition.fetch.bytes", String.valueOf(4 * 1024 * 1024));
        // the restore consumer keeps Kafka's defaults: the settings are for the stream thread's polls
        Map<String, Object> restore = new org.apache.kafka.streams.StreamsConfig(
                        PipelineConfig.of(Map.of()).streamsProperties())
                .getRestoreConsumerConfigs("client");
        assertThat(restore).doesNotContainKey("max.partition.fetch.bytes");
    }

    @Test
    void aClientSettingGivenWithoutPrefixWinsOverThePipelinesDefaultForOneClient() {
        Map<String, String> given = Map.of("linger.ms", "5", "receive.buffer.bytes", "65536");
        StreamsConfig streams = new StreamsConfig(PipelineConfig.of(given).streamsProperties());

        assertThat(streams.getProducerConfigs("client")).containsEntry("linger.ms", "5");
        assertThat(streams.getMainConsumerConfigs("group", "client", 0)).containsEntry("receive.buffer.bytes", "65536");
        // the defaults not given otherwise stay
        assertThat(streams.getProducerConfigs("client")).containsEntry("compression.type", "lz4");
        assertThat(streams.getMainConsumerConfigs("group", "client", 0))
                .containsEntry("max.partition.fetch.bytes", String.valueOf(4 * 1024 * 1024));
    }

    @Test
    void aMainConsumerSettingGivenForEveryConsumerWinsOverThePipelinesDefault() {
        StreamsConfig streams =
                new StreamsConfig(PipelineConfig.of(Map.of("consumer.max.partition.fetch.bytes", "1048576"))
                        .streamsProperties());

        assertThat(streams.getMainConsumerConfigs("group", "client", 0))
                .containsEntry("max.partition.fetch.bytes", "1048576");
    }

    @Test
    void letsTheGivenPropertiesWinOverTheDefaultsAndKeepsTheRest() {
        PipelineConfig config = PipelineConfig.of(Map.of(
                "processing.guarantee",
                "at_least_once",
                "bootstrap.servers",
                "broker:9092",
                "num.stream.threads",
                "2"));

        assertThat(config.get("processing.guarantee")).isEqualTo("at_least_once");
        assertThat(config.bootstrapServers()).isEqualTo("broker:9092");
        assertThat(config.get("num.stream.threads")).isEqualTo("2");
        assertThat(config.get("errors.dead.letter.queue.topic.name")).isEqualTo("cluster-news-dlq");
        assertThat(config.with(Map.of("application.id", "other")).applicationId())
                .isEqualTo("other");
    }

    @Test
    void hidesSecretsWhenPrinted() {
        PipelineConfig config =
                PipelineConfig.of(Map.of("basic.auth.user.info", "user:pw", "sasl.jaas.config", "secret stuff"));

        assertThat(config.toString())
                .doesNotContain("user:pw", "secret stuff")
                .contains("basic.auth.user.info=[hidden]");
    }

    @Test
    void underTheStreamsGroupProtocolTheLivePipelineCommitsAtTheCaughtUpIntervalSinceNoLagIsVisible() {
        assertThat(PipelineConfig.of(Map.of(StreamsConfig.GROUP_PROTOCOL_CONFIG, "streams"))
                        .get(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG))
                .isEqualTo("50");
        assertThat(PipelineConfig.of(Map.of(
                                StreamsConfig.GROUP_PROTOCOL_CONFIG,
                                "streams",
                                StreamsConfig.COMMIT_INTERVAL_MS_CONFIG,
                                "500"))
                        .get(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG))
                .isEqualTo("500");
    }

    @Test
    void withAnotherClientSupplierTheLivePipelineCommitsAtTheCaughtUpIntervalSinceNoLagIsVisible() {
        assertThat(PipelineConfig.of(Map.of(StreamsConfig.DEFAULT_CLIENT_SUPPLIER_CONFIG, "com.example.Supplier"))
                        .get(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG))
                .isEqualTo("50");
    }

    @Test
    void aRebuildCommitsEveryThreeSecondsUnlessTheCommitIntervalIsConfigured() {
        assertThat(PipelineConfig.of(Map.of()).forRebuild().get(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG))
                .isEqualTo("3000");
        assertThat(PipelineConfig.of(Map.of(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG, "250"))
                        .forRebuild()
                        .get(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG))
                .isEqualTo("250");
        assertThat(PipelineConfig.of(Map.of()).get(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG))
                .as("the live pipeline catching up commits every two seconds; caught up, often (CaughtUpCommits)")
                .isEqualTo("2000");
        assertThat(PipelineConfig.of(Map.of()).get(CaughtUpCommits.INTERVAL_CONFIG))
                .isEqualTo("50");
        assertThat(PipelineConfig.of(Map.of(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG, "50"))
                        .forRebuild()
                        .get(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG))
                .as("configured, even to the default's value: kept")
                .isEqualTo("50");
        assertThat(PipelineConfig.of(Map.of())
                        .with(Map.of("application.id", "other"))
                        .forRebuild()
                        .get(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG))
                .isEqualTo(PipelineConfig.REBUILD_COMMIT_INTERVAL_MS);
    }
}
