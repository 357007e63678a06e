package eu.clusternews.app.logging;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.joran.JoranConfigurator;
import ch.qos.logback.classic.spi.LoggingEvent;
import ch.qos.logback.core.Appender;
import ch.qos.logback.core.spi.FilterReply;
import org.apache.kafka.common.errors.OutOfOrderSequenceException;
import org.junit.jupiter.api.Test;

class ExpectedBrokerRefusalsTest {

    private static final String REFUSED = "Invalid sequence number for producer 5 at offset 2256 in partition"
            + " clusternews-pipeline-enriched-news-store-changelog-0: 1 (incoming seq. number). Expected sequence 0"
            + " for transactions v2 idempotent producer with no existing state.";

    private final LoggerContext context = new LoggerContext();
    private final ExpectedBrokerRefusals filter = new ExpectedBrokerRefusals();

    private LoggingEvent event(String logger, Throwable thrown) {
        return new LoggingEvent(
                ch.qos.logback.classic.Logger.class.getName(),
                context.getLogger(logger),
                Level.ERROR,
                "[ReplicaManager broker=1] Error processing append operation on partition {}",
                thrown,
                new Object[] {"clusternews-pipeline-enriched-news-store-changelog-0"});
    }

    @Test
    void leavesOutTheBrokersErrorForABatchThatTransactionsV2RefusesAndTheProducerRetries() {
        assertThat(filter.decide(event("kafka.server.ReplicaManager", new OutOfOrderSequenceException(REFUSED))))
                .isEqualTo(FilterReply.DENY);
    }

    @Test
    void keepsEveryOtherErrorOfTheBroker() {
        assertThat(filter.decide(event(
                        "kafka.server.ReplicaManager",
                        new OutOfOrderSequenceException("Out of order sequence number for producer 7 at offset 10 in"
                                + " partition p-0: 5 (incoming seq. number), 3 (current end sequence number)"))))
                .isEqualTo(FilterReply.NEUTRAL);
        assertThat(filter.decide(event("kafka.server.ReplicaManager", new IllegalStateException(REFUSED))))
                .isEqualTo(FilterReply.NEUTRAL);
        assertThat(filter.decide(event("kafka.server.ReplicaManager", null))).isEqualTo(FilterReply.NEUTRAL);
        assertThat(filter.decide(event("kafka.log.UnifiedLog", new OutOfOrderSequenceException(REFUSED))))
                .isEqualTo(FilterReply.NEUTRAL);
    }

    @Test
    void theApplicationsConsoleAppenderUsesIt() throws Exception {
        context.setMDCAdapter(new ch.qos.logback.classic.util.LogbackMDCAdapter());
        JoranConfigurator configurator = new JoranConfigurator();
        configurator.setContext(context);
        // the application's own logback.xml, not the tests' logback-test.xml
        configurator.doConfigure(
                java.nio.file.Path.of("src/main/resources/logback.xml").toFile());

        Appender<?> console =
                context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME).getAppender("console");

        assertThat(console.getCopyOfAttachedFiltersList()).hasAtLeastOneElementOfType(ExpectedBrokerRefusals.class);
    }
}
