package eu.clusternews.app.logging;

import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.core.filter.Filter;
import ch.qos.logback.core.spi.FilterReply;
import org.apache.kafka.common.errors.OutOfOrderSequenceException;

/**
 * Leaves out one line of the embedded broker that reports an expected, retried step of exactly-once as an error.
 * Under transactions v2 a partition that holds no state for a producer accepts only the producer's first batch
 * (KAFKA-18202): when the second batch of a new producer arrives first, the broker refuses it with a retriable
 * {@code OUT_OF_ORDER_SEQUENCE_NUMBER}, the producer sends both again and nothing is lost, but the broker's
 * {@code ReplicaManager} logs every such refusal as an ERROR with a stack trace, as at the start of every pipeline.
 * Every other line of that logger, every other refusal included, still shows.
 */
public final class ExpectedBrokerRefusals extends Filter<ILoggingEvent> {

    static final String LOGGER = "kafka.server.ReplicaManager";

    /** The refusal's own words (KAFKA-18202), which no other sequence error uses. */
    static final String REFUSAL = "for transactions v2 idempotent producer with no existing state";

    @Override
    public FilterReply decide(ILoggingEvent event) {
        IThrowableProxy thrown = event.getThrowableProxy();
        if (LOGGER.equals(event.getLoggerName())
                && thrown != null
                && OutOfOrderSequenceException.class.getName().equals(thrown.getClassName())
                && thrown.getMessage() != null
                && thrown.getMessage().contains(REFUSAL)) {
            return FilterReply.DENY;
        }
        return FilterReply.NEUTRAL;
    }
}
