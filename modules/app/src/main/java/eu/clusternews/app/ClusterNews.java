package eu.clusternews.app;

import java.util.LinkedHashMap;
import java.util.Map;

import eu.clusternews.app.commands.BenchCommand;
import eu.clusternews.app.commands.CompletionCommand;
import eu.clusternews.app.commands.ExtractCommand;
import eu.clusternews.app.commands.GenerateCommand;
import eu.clusternews.app.commands.IngestCommand;
import eu.clusternews.app.commands.LocalCommand;
import eu.clusternews.app.commands.PipelineCommand;
import eu.clusternews.app.commands.ReplayCommand;
import eu.clusternews.app.commands.ReprocessCommand;
import eu.clusternews.app.commands.SetupCommand;
import eu.clusternews.app.commands.TailCommand;
import eu.clusternews.app.commands.UpCommand;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code clusternews} command: the entry point of every subcommand. */
@Command(
        name = "clusternews",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = {
            "News of European innovation clusters, their consortia and programmes, as a Kafka event-streaming pipeline.",
            "",
            "Start everything on this machine with `clusternews up`; see each command's --help."
        },
        subcommands = {
            UpCommand.class,
            LocalCommand.class,
            SetupCommand.class,
            ExtractCommand.class,
            IngestCommand.class,
            GenerateCommand.class,
            PipelineCommand.class,
            TailCommand.class,
            ReplayCommand.class,
            ReprocessCommand.class,
            BenchCommand.class,
            CompletionCommand.class,
            CommandLine.HelpCommand.class
        })
public final class ClusterNews implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        // no subcommand: show what there is rather than doing something surprising
        spec.commandLine().usage(System.out);
    }

    public static void main(String[] args) {
        int exitCode;
        try {
            exitCode = commandLine().execute(args);
        } catch (Throwable bug) {
            // an Error escaped the command (failures it expects are Exceptions, handled by FriendlyErrors): say so and
            // exit, rather than leave Kafka's non-daemon threads keeping a broken process alive
            System.err.println("clusternews: internal error: " + bug);
            bug.printStackTrace();
            exitCode = ExitCodes.FAILED;
        }
        System.exit(exitCode);
    }

    /** The configured command line, also used by tests to run commands in-process. */
    public static CommandLine commandLine() {
        CommandLine commandLine = new CommandLine(new ClusterNews());
        // the benchmark parses its own options; show them under `bench --help`
        commandLine
                .getSubcommands()
                .get("bench")
                .getCommandSpec()
                .usageMessage()
                .footer(eu.clusternews.bench.BenchOptions.usage());
        commandLine.setExecutionExceptionHandler(new FriendlyErrors());
        commandLine.setParameterExceptionHandler(new UsageErrors());
        commandLine.setCaseInsensitiveEnumValuesAllowed(true);
        everyCommand(commandLine);
        return commandLine;
    }

    /** What every command shares: the version (--version on each), and the exit codes, documented once. */
    private static void everyCommand(CommandLine commandLine) {
        Map<String, String> exitCodes = new LinkedHashMap<>();
        for (String entry : ExitCodes.HELP) {
            int colon = entry.indexOf(':');
            exitCodes.put(entry.substring(0, colon), entry.substring(colon + 1));
        }
        commandLine.getCommandSpec().versionProvider(new VersionProvider());
        commandLine
                .getCommandSpec()
                .usageMessage()
                .exitCodeListHeading("%nExit codes:%n")
                .exitCodeList(exitCodes);
        commandLine.getSubcommands().values().forEach(ClusterNews::everyCommand);
    }
}
