package eu.clusternews.app.commands;

import java.util.concurrent.Callable;

import picocli.AutoComplete;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code clusternews completion}: the shell completion script, generated from the commands themselves. */
@Command(
        name = "completion",
        mixinStandardHelpOptions = true,
        description = {
            "Print a completion script for bash (zsh too, after `autoload -U bashcompinit && bashcompinit`): "
                    + "commands, options and option values complete with Tab.",
            "Load it in this shell with `source <(clusternews completion)`, or for every shell: "
                    + "`clusternews completion > ~/.local/share/bash-completion/completions/clusternews`."
        })
public final class CompletionCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        CommandSpec root = spec.root();
        var out = spec.commandLine().getOut();
        out.print(AutoComplete.bash(root.name(), root.commandLine()));
        out.flush();
        return 0;
    }
}
