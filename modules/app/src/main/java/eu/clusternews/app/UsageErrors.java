package eu.clusternews.app;

import java.io.PrintWriter;
import java.util.List;

import picocli.CommandLine;
import picocli.CommandLine.IParameterExceptionHandler;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.UnmatchedArgumentException;

/**
 * A usage error is one line: what is wrong, and where to look ({@code --help}), like Kafka's and GNU tools; not
 * picocli's default of the message followed by the whole usage. Exit code {@link ExitCodes#USAGE}.
 */
final class UsageErrors implements IParameterExceptionHandler {

    @Override
    public int handleParseException(ParameterException ex, String[] args) {
        CommandLine commandLine = ex.getCommandLine();
        String name = commandLine.getCommandSpec().qualifiedName();
        PrintWriter err = commandLine.getErr();
        err.println(commandLine.getColorScheme().errorText(line(name, ex)).toString());
        err.flush();
        return ExitCodes.USAGE;
    }

    /** {@code clusternews tail: Unknown option: '--folow' (did you mean --follow?); try 'clusternews tail --help'}. */
    static String line(String commandName, ParameterException ex) {
        String message = ex.getMessage() == null
                ? ex.getClass().getSimpleName()
                : ex.getMessage().strip();
        // picocli's messages may span lines (e.g. several unknown arguments): keep them on one
        message = message.replaceAll("\\s*\\R\\s*", "; ");
        if (message.endsWith(".")) {
            message = message.substring(0, message.length() - 1);
        }
        if (ex instanceof UnmatchedArgumentException unmatched) {
            List<String> suggestions = unmatched.getSuggestions();
            if (!suggestions.isEmpty()) {
                message += " (did you mean "
                        + String.join(" or ", suggestions.subList(0, Math.min(3, suggestions.size()))) + "?)";
            }
        }
        return commandName + ": " + message + "; try '" + commandName + " --help'";
    }
}
