package eu.clusternews.app;

import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.ParseResult;

/**
 * Prints what went wrong in one or two plain lines; the stack trace only with {@code --verbose}.
 * Exit code {@link ExitCodes#FAILED} for failures at run time (bad usage is {@link ExitCodes#USAGE}, see
 * {@link UsageErrors}).
 */
final class FriendlyErrors implements IExecutionExceptionHandler {

    @Override
    public int handleExecutionException(Exception ex, CommandLine commandLine, ParseResult parseResult) {
        boolean verbose = parseResult.hasMatchedOption("--verbose")
                || parseResult.subcommands().stream().anyMatch(sub -> sub.hasMatchedOption("--verbose"));
        var err = commandLine.getErr();
        err.println(commandLine.getColorScheme().errorText("clusternews: " + describe(ex)));
        if (verbose) {
            ex.printStackTrace(err);
        } else {
            err.println("(run again with --verbose for the details)");
        }
        err.flush();
        return ExitCodes.FAILED;
    }

    /** The message of the most telling cause: ours are written for people, wrappers rarely are. */
    static String describe(Throwable ex) {
        Throwable best = ex;
        for (Throwable t = ex; t != null; t = t.getCause()) {
            if (t.getMessage() != null
                    && !t.getMessage().isBlank()
                    && (t.getClass().getName().startsWith("eu.clusternews") || best.getMessage() == null)) {
                best = t;
            }
        }
        String message = best.getMessage();
        return (message == null || message.isBlank() ? best.getClass().getSimpleName() : message) + securityHint(ex);
    }

    /** Kafka's own words for refused access ("Authorization failed.") do not say what to do about it. */
    private static String securityHint(Throwable ex) {
        for (Throwable t = ex; t != null; t = t.getCause()) {
            if (t instanceof org.apache.kafka.common.errors.AuthenticationException) {
                return " Kafka did not authenticate these settings: check security.protocol, sasl.mechanism and the username"
                        + " and password in sasl.jaas.config (--config FILE or KAFKA_* variables).";
            }
            if (t instanceof org.apache.kafka.common.errors.AuthorizationException) {
                return " The Kafka principal of these settings is not authorized for this (ACLs): grant it the ACLs"
                        + " RELIABILITY.md lists, or run this as a principal that has them.";
            }
        }
        return "";
    }
}
