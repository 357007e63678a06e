package eu.clusternews.history;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;

import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

/**
 * Progress of a long read, as a bar with rate and ETA on stderr (the progressbar library), or nothing: it is
 * suppressed when asked to be quiet and when stderr is not a terminal, so logs and pipes get no control characters.
 */
public interface Progress extends AutoCloseable {

    /** Nothing shown. */
    Progress NONE = new Progress() {
        @Override
        public void step() {}

        @Override
        public void close() {}
    };

    /** One more record read. */
    void step();

    @Override
    void close();

    /** A bar of {@code total} records on stderr, or {@link #NONE} when quiet or stderr is not a terminal. */
    static Progress onStderr(String task, long total, boolean quiet) {
        if (quiet || !stderrIsTerminal()) {
            return NONE;
        }
        return bar(task, total, System.err);
    }

    /** A bar on this stream whatever it is connected to. */
    static Progress bar(String task, long total, PrintStream stream) {
        ProgressBar bar = new ProgressBarBuilder()
                .setTaskName(task)
                .setInitialMax(total)
                .setStyle(ProgressBarStyle.ASCII)
                .setUnit(" rec", 1)
                .showSpeed()
                .setUpdateIntervalMillis(250)
                .setConsumer(new ConsoleProgressBarConsumer(stream))
                .build();
        return new Progress() {
            @Override
            public void step() {
                bar.step();
            }

            @Override
            public void close() {
                bar.close();
            }
        };
    }

    /**
     * Whether stderr is a terminal. Java 17 cannot ask about stderr alone ({@code System.console()} is null as soon as
     * stdout is redirected, the very case of {@code replay > file} that wants a bar), so on Linux this looks at what
     * file descriptor 2 points to; elsewhere it falls back to {@code System.console()}.
     */
    static boolean stderrIsTerminal() {
        Path fd2 = Path.of("/proc/self/fd/2");
        if (Files.exists(fd2, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
            try {
                String target = Files.readSymbolicLink(fd2).toString();
                return target.startsWith("/dev/pts/") || target.startsWith("/dev/tty");
            } catch (IOException | UnsupportedOperationException e) {
                return false;
            }
        }
        return System.console() != null;
    }
}
