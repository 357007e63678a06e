package eu.clusternews.app.logging;

import java.util.Iterator;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.Appender;
import ch.qos.logback.core.OutputStreamAppender;
import org.slf4j.LoggerFactory;

/** Switches the console log between lines for people (logback.xml's pattern) and one JSON object per line. */
public enum LogFormat {
    text,
    json;

    /** Gives every console appender of the root logger this format. */
    public void apply() {
        if (this == text || !(LoggerFactory.getILoggerFactory() instanceof LoggerContext context)) {
            return; // logback.xml's pattern is the text format
        }
        Logger root = context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        for (Iterator<Appender<ILoggingEvent>> it = root.iteratorForAppenders(); it.hasNext(); ) {
            if (it.next() instanceof OutputStreamAppender<ILoggingEvent> appender
                    && !(appender.getEncoder() instanceof JsonLineEncoder)) {
                JsonLineEncoder encoder = new JsonLineEncoder();
                encoder.setContext(context);
                encoder.start();
                appender.stop();
                appender.setEncoder(encoder);
                appender.start();
            }
        }
    }
}
