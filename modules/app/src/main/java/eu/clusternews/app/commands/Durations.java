package eu.clusternews.app.commands;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * A DURATION on the command line: {@code 10s}, {@code 500ms}, {@code 2m}, {@code 1h}, an ISO duration
 * ({@code PT10S}), or a bare number of milliseconds as Kafka's tools take it ({@code --timeout-ms 5000}).
 */
public final class Durations implements ITypeConverter<Duration> {

    private static final Pattern SHORT = Pattern.compile("(\\d+)\\s*(ms|s|m|h|d)");

    @Override
    public Duration convert(String value) {
        return parse(value);
    }

    static Duration parse(String value) {
        String text = value.strip().toLowerCase(Locale.ROOT);
        if (text.matches("\\d+")) {
            return Duration.ofMillis(Long.parseLong(text));
        }
        Matcher m = SHORT.matcher(text);
        if (m.matches()) {
            long n = Long.parseLong(m.group(1));
            return switch (m.group(2)) {
                case "ms" -> Duration.ofMillis(n);
                case "s" -> Duration.ofSeconds(n);
                case "m" -> Duration.ofMinutes(n);
                case "h" -> Duration.ofHours(n);
                default -> Duration.ofDays(n);
            };
        }
        try {
            return Duration.parse(value.strip().toUpperCase(Locale.ROOT));
        } catch (DateTimeParseException e) {
            throw new TypeConversionException("'" + value
                    + "' is not a duration: write e.g. 10s, 500ms, 2m, PT10S, or a " + "number of milliseconds");
        }
    }
}
