package eu.clusternews.app.commands;

import java.nio.file.Path;

import picocli.CommandLine.Option;

/** Where the embedded default keeps its data and which loopback ports it listens on. */
public final class LocalOptions {

    @Option(
            names = "--data-dir",
            paramLabel = "DIR",
            defaultValue = "data",
            description = "Data of the embedded broker (DIR/kafka) and registry (DIR/registry); kept across restarts "
                    + "(default: ${DEFAULT-VALUE}).")
    Path dataDir;

    @Option(
            names = "--kafka-port",
            paramLabel = "PORT",
            defaultValue = "9092",
            description = "Port of the embedded Kafka broker on 127.0.0.1 (default: ${DEFAULT-VALUE}).")
    int kafkaPort;

    @Option(
            names = "--registry-port",
            paramLabel = "PORT",
            defaultValue = "8081",
            description = "Port of the embedded schema registry on 127.0.0.1 (default: ${DEFAULT-VALUE}).")
    int registryPort;
}
