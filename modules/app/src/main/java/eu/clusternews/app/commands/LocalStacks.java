package eu.clusternews.app.commands;

import eu.clusternews.local.LocalStack;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Starts the embedded default from the command's options. */
final class LocalStacks {

  private static final Logger log = LoggerFactory.getLogger(LocalStacks.class);

  private LocalStacks() { }

  static LocalStack start(LocalOptions options) {
    log.info("Starting the embedded Kafka broker on port {} and the schema registry on port {}...",
        options.kafkaPort, options.registryPort);
    LocalStack stack = LocalStack.builder()
        .dataDir(options.dataDir)
        .kafkaPort(options.kafkaPort)
        .registryPort(options.registryPort)
        .start();
    log.info("Broker and registry ready in {} ms", stack.readyTime().toMillis());
    return stack;
  }
}
