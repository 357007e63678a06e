package eu.clusternews.app;

/**
 * The exit codes of every clusternews command, documented once: here, and in each command's --help.
 * Scripts can rely on them.
 */
public final class ExitCodes {

    /** The command did what it was asked. */
    public static final int DONE = 0;
    /** It failed at run time: an unreachable cluster, refused access, a missing topic, a bug. */
    public static final int FAILED = 1;
    /** The command line was wrong: an unknown option, a missing or malformed value. Nothing was done. */
    public static final int USAGE = 2;
    /** It did its work, but some input was rejected (each reported with its reason). */
    public static final int REJECTED_INPUT = 3;

    /** The list --help shows under "Exit codes:". */
    static final String[] HELP = {
        DONE + ":done",
        FAILED + ":failed (the reason is printed; --verbose for details)",
        USAGE + ":usage error (nothing was done)",
        REJECTED_INPUT + ":done, with rejected input (each reported with its reason)"
    };

    private ExitCodes() {}
}
