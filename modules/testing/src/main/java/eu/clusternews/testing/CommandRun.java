package eu.clusternews.testing;

import java.io.PrintWriter;
import java.io.StringWriter;

import picocli.CommandLine;

/** A command run in-process, with what it printed: {@code CommandRun.of(ClusterNews.commandLine(), "setup", ...)}. */
public record CommandRun(int exitCode, String out, String err) {

    /** Runs the arguments on this command line (a fresh one per run: picocli keeps the parsed options). */
    public static CommandRun of(CommandLine commandLine, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        commandLine.setOut(new PrintWriter(out, true));
        commandLine.setErr(new PrintWriter(err, true));
        int exitCode = commandLine.execute(args);
        return new CommandRun(exitCode, out.toString(), err.toString());
    }
}
