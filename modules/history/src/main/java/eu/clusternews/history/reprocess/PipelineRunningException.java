package eu.clusternews.history.reprocess;

import java.util.List;

/** Reprocess refused: instances of the pipeline are running, and a reset must not happen under them. */
public final class PipelineRunningException extends IllegalStateException {

    private final List<String> members;

    public PipelineRunningException(String applicationId, List<String> members) {
        super("Pipeline " + applicationId + " is running (" + members.size() + " active member"
                + (members.size() == 1 ? "" : "s") + ": " + String.join(", ", members) + "). Stop every instance first"
                + " (Ctrl-C on `clusternews up` / the pipeline), then run reprocess again: it resets the application's"
                + " offsets and state, which must not change under a running instance. An instance that was killed stays"
                + " listed until its session times out (session.timeout.ms, 45 s by default).");
        this.members = List.copyOf(members);
    }

    /** The active members, one line each. */
    public List<String> members() {
        return members;
    }
}
