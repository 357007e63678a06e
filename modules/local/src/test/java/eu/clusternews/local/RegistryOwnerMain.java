package eu.clusternews.local;

import java.nio.file.Path;

/** A stand-in app for {@link RegistryNeverOutlivesTheAppTest}: starts a registry, prints its pid, waits to be killed. */
public final class RegistryOwnerMain {

    static final String PID_LINE_PREFIX = "REGISTRY_PID=";

    private RegistryOwnerMain() {}

    public static void main(String[] args) throws InterruptedException {
        ApicurioRegistryProcess registry = ApicurioRegistryProcess.builder(Path.of(args[0]))
                .port(Integer.parseInt(args[1]))
                .start();
        System.out.println(PID_LINE_PREFIX + registry.pid());
        System.out.flush();
        Thread.currentThread().join();
    }
}
