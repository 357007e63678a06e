package eu.clusternews.app.commands;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import eu.clusternews.app.logging.LogFormat;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Option;

/**
 * {@code --verbose}: our own logs at debug level, Kafka's at info, and stack traces on errors;
 * {@code --log-format}: log lines for people or for log collectors. Every command has both.
 */
public final class VerboseOption {

    @Option(
            names = {"-v", "--verbose"},
            description = "Say more: debug logs and stack traces on errors.")
    void setVerbose(boolean verbose) {
        if (verbose) {
            ((Logger) LoggerFactory.getLogger("eu.clusternews")).setLevel(Level.DEBUG);
            ((Logger) LoggerFactory.getLogger("org.apache.kafka")).setLevel(Level.INFO);
        }
    }

    @Option(
            names = "--log-format",
            paramLabel = "text|json",
            description = "Log lines on stderr: text (date, level, logger, message) or json (one object per line: "
                    + "timestamp, level, logger, thread, message, stack_trace) (default: text).")
    void setLogFormat(LogFormat format) {
        format.apply();
    }
}
