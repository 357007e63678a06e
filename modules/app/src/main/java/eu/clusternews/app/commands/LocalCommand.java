package eu.clusternews.app.commands;

import java.util.concurrent.Callable;

import eu.clusternews.local.LocalStack;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code clusternews local}: only the embedded broker and registry, until stopped. */
@Command(
        name = "local",
        mixinStandardHelpOptions = true,
        description = {
            "Run the embedded default alone: a Kafka broker (KRaft) inside this JVM and an Apicurio schema registry "
                    + "(Confluent-compatible API) as a child process, both on 127.0.0.1, data under --data-dir.",
            "Prints their addresses and runs until stopped (Ctrl-C)."
        })
public final class LocalCommand implements Callable<Integer> {

    @Mixin
    LocalOptions local;

    @Mixin
    VerboseOption verbose;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws InterruptedException {
        LocalStacks.requireEmbedded(spec.commandLine());
        java.io.PrintWriter out = spec.commandLine().getOut();
        try (UntilStopped untilStopped = new UntilStopped();
                LocalStack stack = LocalStacks.start(local)) {
            out.printf(
                    "Kafka broker     %s%nSchema registry  %s%nData             %s%n",
                    stack.bootstrapServers(), stack.schemaRegistryUrl(), local.dataDir.toAbsolutePath());
            out.println("Running until stopped (Ctrl-C).");
            untilStopped.await();
        }
        return 0;
    }
}
