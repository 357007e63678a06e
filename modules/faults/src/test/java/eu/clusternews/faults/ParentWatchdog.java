package eu.clusternews.faults;

import java.lang.reflect.InvocationTargetException;
import java.util.Arrays;
import java.util.Optional;

/**
 * The entry point of every child JVM the fault tests start: {@code ParentWatchdog <parentPid> <mainClass> args...}
 * runs {@code mainClass} and halts this JVM as soon as the test JVM that started it is gone. Shutdown hooks in the
 * test JVM stop the children on a normal exit; this covers the test JVM itself being killed (SIGKILL, a CI timeout),
 * so that no broker or pipeline outlives the build.
 */
public final class ParentWatchdog {

    private ParentWatchdog() {}

    public static void main(String[] args) throws Throwable {
        if (args.length < 2) {
            throw new IllegalArgumentException("usage: ParentWatchdog <parentPid> <mainClass> [args...]");
        }
        Optional<ProcessHandle> parent = ProcessHandle.of(Long.parseLong(args[0]));
        if (parent.isEmpty() || !parent.get().isAlive()) {
            Runtime.getRuntime().halt(3);
        }
        parent.get().onExit().thenRun(() -> {
            System.err.println("ParentWatchdog: the test JVM " + args[0] + " is gone; halting "
                    + ProcessHandle.current().pid());
            Runtime.getRuntime().halt(3);
        });
        try {
            Class.forName(args[1]).getMethod("main", String[].class).invoke(null, (Object)
                    Arrays.copyOfRange(args, 2, args.length));
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }
}
