package eu.clusternews.testing;

/** Closing what a test class started, for {@code @AfterAll}: whatever failed to start is null and skipped. */
public final class Closeables {

    private Closeables() {}

    /**
     * Closes each non-null resource in the order given, every one even when an earlier one fails; then throws the
     * first failure (the others added to it as suppressed).
     */
    public static void closeAll(AutoCloseable... resources) {
        RuntimeException failure = null;
        for (AutoCloseable resource : resources) {
            if (resource == null) {
                continue;
            }
            try {
                resource.close();
            } catch (Exception e) {
                if (failure == null) {
                    failure = e instanceof RuntimeException runtime
                            ? runtime
                            : new IllegalStateException("Could not close " + resource, e);
                } else {
                    failure.addSuppressed(e);
                }
            }
        }
        if (failure != null) {
            throw failure;
        }
    }
}
