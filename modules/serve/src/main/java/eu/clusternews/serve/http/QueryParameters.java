package eu.clusternews.serve.http;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

import eu.clusternews.avro.NewsKind;
import eu.clusternews.serve.query.DateRange;

/**
 * Typed access to a request's query parameters that answers mistakes with {@link BadRequestException}
 * naming the parameter, the value and what is accepted. Unknown parameters are refused too, so a typo
 * ({@code contry=DE}) does not silently return everything.
 */
final class QueryParameters {

    private final Map<String, List<String>> parameters;

    QueryParameters(Map<String, List<String>> parameters, Set<String> allowed) {
        this.parameters = parameters;
        Set<String> unknown = new TreeSet<>(parameters.keySet());
        unknown.removeAll(allowed);
        if (!unknown.isEmpty()) {
            throw new BadRequestException(
                    "unknown query parameter(s) " + unknown + "; accepted: " + new TreeSet<>(allowed));
        }
    }

    Optional<String> text(String name) {
        List<String> values = parameters.get(name);
        if (values == null || values.isEmpty()) {
            return Optional.empty();
        }
        if (values.size() > 1) {
            throw new BadRequestException(
                    "query parameter '" + name + "' given " + values.size() + " times; give it once");
        }
        String value = values.get(0).trim();
        if (value.isEmpty()) {
            throw new BadRequestException("query parameter '" + name + "' is empty; leave it out or give a value");
        }
        return Optional.of(value);
    }

    Optional<LocalDate> date(String name) {
        return text(name).map(value -> {
            try {
                return LocalDate.parse(value);
            } catch (DateTimeParseException e) {
                throw new BadRequestException(
                        "query parameter '" + name + "' must be an ISO date like 2017-05-17, was '" + value + "'");
            }
        });
    }

    /** The days from the {@code from} parameter to the {@code until} one, refused when they are the wrong way round. */
    DateRange range() {
        Optional<LocalDate> from = date("from");
        Optional<LocalDate> until = date("until");
        try {
            return new DateRange(from, until);
        } catch (IllegalArgumentException e) {
            throw new BadRequestException(e.getMessage());
        }
    }

    Optional<NewsKind> kind(String name) {
        return text(name).map(value -> {
            try {
                return NewsKind.valueOf(value.toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new BadRequestException("query parameter '" + name + "' must be one of "
                        + Arrays.toString(NewsKind.values()) + ", was '" + value + "'");
            }
        });
    }

    /** An ISO 639-1 language code, two letters, answered in lower case. */
    Optional<String> language(String name) {
        return text(name).map(value -> {
            if (!value.matches("[A-Za-z]{2}")) {
                throw new BadRequestException("query parameter '" + name
                        + "' must be a two-letter ISO 639-1 language code like de or en, was '" + value + "'");
            }
            return value.toLowerCase(Locale.ROOT);
        });
    }

    int integer(String name, int defaultValue, int min, int max) {
        return text(name)
                .map(value -> {
                    try {
                        int number = Integer.parseInt(value);
                        if (number < min || number > max) {
                            throw new NumberFormatException();
                        }
                        return number;
                    } catch (NumberFormatException e) {
                        throw new BadRequestException("query parameter '" + name + "' must be a whole number from "
                                + min + " to " + max + ", was '" + value + "'");
                    }
                })
                .orElse(defaultValue);
    }

    <E extends Enum<E>> Optional<E> choice(String name, Class<E> type) {
        return text(name).map(value -> {
            for (E constant : type.getEnumConstants()) {
                if (constant.toString().equalsIgnoreCase(value)) {
                    return constant;
                }
            }
            throw new BadRequestException("query parameter '" + name + "' must be one of "
                    + Arrays.toString(type.getEnumConstants()) + ", was '" + value + "'");
        });
    }
}
