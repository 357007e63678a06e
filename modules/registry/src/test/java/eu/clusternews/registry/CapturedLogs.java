package eu.clusternews.registry;

import java.util.List;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import org.slf4j.LoggerFactory;

/** Every log event of the JVM while open (logback's root logger), to check what is and is never logged. */
final class CapturedLogs implements AutoCloseable {

    private final Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
    private final Logger client = (Logger) LoggerFactory.getLogger("eu.clusternews");
    private final ListAppender<ILoggingEvent> appender = new ListAppender<>();

    CapturedLogs() {
        appender.start();
        root.addAppender(appender);
    }

    /** The formatted messages (with their exceptions' messages), in order. */
    List<String> lines() {
        return appender.list.stream().map(CapturedLogs::text).toList();
    }

    private static String text(ILoggingEvent event) {
        StringBuilder text = new StringBuilder(event.getLevel() + " " + event.getFormattedMessage());
        for (var proxy = event.getThrowableProxy(); proxy != null; proxy = proxy.getCause()) {
            text.append(" | ").append(proxy.getClassName()).append(": ").append(proxy.getMessage());
        }
        return text.toString();
    }

    @Override
    public void close() {
        root.detachAppender(appender);
        client.detachAppender(appender);
    }
}
