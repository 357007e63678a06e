package eu.clusternews.history;

import java.time.Instant;
import java.util.Objects;

/** Where reading a topic starts in each partition: its beginning, its end, or the first record at or after a time. */
public sealed interface StartPosition {

    /** The earliest offset still in the log. */
    static StartPosition beginning() {
        return Beginning.INSTANCE;
    }

    /** The end offset when reading starts: only records written afterwards. */
    static StartPosition end() {
        return End.INSTANCE;
    }

    /** The first offset whose record timestamp is at or after this instant ({@code offsetsForTimes}). */
    static StartPosition at(Instant time) {
        return new At(time);
    }

    /** This offset in each partition read (clamped to the offsets the partition still holds). */
    static StartPosition offset(long offset) {
        return new Offset(offset);
    }

    /** See {@link #beginning()}. */
    enum Beginning implements StartPosition {
        INSTANCE
    }

    /** See {@link #end()}. */
    enum End implements StartPosition {
        INSTANCE
    }

    /** See {@link #offset(long)}. */
    record Offset(long offset) implements StartPosition {
        public Offset {
            if (offset < 0) {
                throw new IllegalArgumentException("an offset is 0 or more, not " + offset);
            }
        }
    }

    /** See {@link #at(Instant)}. */
    record At(Instant time) implements StartPosition {
        public At {
            Objects.requireNonNull(time, "time");
        }
    }
}
