package eu.clusternews.app.commands;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Option;

/** {@code --verbose}: our own logs at debug level, Kafka's at info, and stack traces on errors. */
public final class VerboseOption {

  @Option(names = {"-v", "--verbose"}, description = "Say more: debug logs and stack traces on errors.")
  void setVerbose(boolean verbose) {
    if (verbose) {
      ((Logger) LoggerFactory.getLogger("eu.clusternews")).setLevel(Level.DEBUG);
      ((Logger) LoggerFactory.getLogger("org.apache.kafka")).setLevel(Level.INFO);
    }
  }
}
