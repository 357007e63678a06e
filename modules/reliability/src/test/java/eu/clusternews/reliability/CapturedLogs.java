package eu.clusternews.reliability;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.ThrowableProxyUtil;
import ch.qos.logback.core.AppenderBase;
import org.slf4j.LoggerFactory;

/**
 * Every log line (message and stack trace) of the given loggers at the given levels, for asserting what the logs
 * do and do not contain. The loggers write only here while captured, so verbose levels do not flood the console.
 */
final class CapturedLogs extends AppenderBase<ILoggingEvent> implements AutoCloseable {

    private final List<String> lines = new ArrayList<>();
    private final List<Runnable> restore = new ArrayList<>();

    /** Captures these loggers (name → level) until closed. */
    static CapturedLogs of(Map<String, Level> levels) {
        CapturedLogs capture = new CapturedLogs();
        capture.setContext((ch.qos.logback.classic.LoggerContext) LoggerFactory.getILoggerFactory());
        capture.start();
        levels.forEach((name, level) -> {
            Logger logger = (Logger) LoggerFactory.getLogger(name);
            Level before = logger.getLevel();
            boolean additive = logger.isAdditive();
            logger.setLevel(level);
            logger.setAdditive(false);
            logger.addAppender(capture);
            capture.restore.add(() -> {
                logger.detachAppender(capture);
                logger.setLevel(before);
                logger.setAdditive(additive);
            });
        });
        return capture;
    }

    @Override
    protected synchronized void append(ILoggingEvent event) {
        lines.add(event.getLoggerName() + " " + event.getFormattedMessage()
                + (event.getThrowableProxy() == null
                        ? ""
                        : "\n" + ThrowableProxyUtil.asString(event.getThrowableProxy())));
    }

    /** Everything captured so far, one event per line. */
    synchronized String text() {
        return String.join("\n", lines);
    }

    @Override
    public void close() {
        restore.forEach(Runnable::run);
        stop();
    }
}
