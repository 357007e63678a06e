package eu.clusternews.app.commands;

import java.util.concurrent.Callable;

import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * A command that talks to a Kafka cluster and a schema registry: where they are ({@link ConnectionOptions}), how
 * long to wait for them ({@link TimeoutOption}) and {@code --verbose}, the same flags for every such command.
 */
abstract class ClusterCommand implements Callable<Integer> {

    @Mixin
    ConnectionOptions connection;

    @Mixin
    TimeoutOption timeout;

    @Mixin
    VerboseOption verbose;

    @Spec
    CommandSpec spec;
}
