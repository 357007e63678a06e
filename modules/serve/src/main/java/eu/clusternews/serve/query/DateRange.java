package eu.clusternews.serve.query;

import java.time.LocalDate;
import java.util.Map;
import java.util.Optional;

/**
 * The days a listing's {@code from}/{@code until} filters keep; either end may be open.
 *
 * @param from  the first day kept; empty for no lower bound
 * @param until the last day kept; empty for no upper bound
 */
public record DateRange(Optional<LocalDate> from, Optional<LocalDate> until) {

    /** Every day, and undated items too. */
    public static final DateRange ANY = new DateRange(Optional.empty(), Optional.empty());

    /** @throws IllegalArgumentException when {@code from} is after {@code until} */
    public DateRange {
        if (from.isPresent() && until.isPresent() && from.get().isAfter(until.get())) {
            throw new IllegalArgumentException("'from' (" + from.get() + ") is after 'until' (" + until.get() + ")");
        }
    }

    /** Whether this range keeps everything: no bound at all. */
    public boolean isOpen() {
        return from.isEmpty() && until.isEmpty();
    }

    /** Whether the day is in the range; an undated item (null) only is in an open range, as it cannot be placed. */
    public boolean contains(LocalDate day) {
        return overlaps(day, day);
    }

    /** Whether the days {@code first..last} overlap the range; an undated span (null) only overlaps an open range. */
    public boolean overlaps(LocalDate first, LocalDate last) {
        if (isOpen()) {
            return true;
        }
        if (first == null || last == null) {
            return false;
        }
        return (from.isEmpty() || !last.isBefore(from.get())) && (until.isEmpty() || !first.isAfter(until.get()));
    }

    /** Adds the bounds as the text parameters {@code from} and {@code until} ({@link #ofParameters} reads them). */
    public void addTo(Map<String, String> parameters) {
        from.ifPresent(v -> parameters.put("from", v.toString()));
        until.ifPresent(v -> parameters.put("until", v.toString()));
    }

    /** The range the text parameters {@code from} and {@code until} give. */
    public static DateRange ofParameters(Map<String, String> parameters) {
        return new DateRange(
                Optional.ofNullable(parameters.get("from")).map(LocalDate::parse),
                Optional.ofNullable(parameters.get("until")).map(LocalDate::parse));
    }
}
