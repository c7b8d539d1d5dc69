package dev.hench.sample.workload;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The {@code --name value} options after the workload name. Each workload reads the options it
 * supports; {@link #rejectUnread()} then reports the rest, so a typo is never silently ignored.
 */
public final class WorkloadOptions {

    private static final Pattern DURATION = Pattern.compile("(\\d+)(ms|s|m|h)");

    private final Map<String, String> values;
    private final Set<String> read = new TreeSet<>();

    private WorkloadOptions(Map<String, String> values) {
        this.values = values;
    }

    /**
     * Parses {@code --name value} pairs (also {@code --name=value}).
     *
     * @throws IllegalArgumentException naming the argument that is not such a pair
     */
    public static WorkloadOptions parse(List<String> args) {
        Map<String, String> values = new LinkedHashMap<>();
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            if (!arg.startsWith("--") || arg.length() == 2) {
                throw new IllegalArgumentException("argument '" + arg + "' must be an option such as --duration 90s");
            }
            int equals = arg.indexOf('=');
            if (equals > 0) {
                values.put(arg.substring(2, equals), arg.substring(equals + 1));
            } else if (i + 1 < args.size()) {
                values.put(arg.substring(2), args.get(++i));
            } else {
                throw new IllegalArgumentException("option '" + arg + "' needs a value");
            }
        }
        return new WorkloadOptions(values);
    }

    /** Returns the option as a duration such as 500ms, 90s, 10m or 2h, or {@code fallback}. */
    public Duration duration(String name, Duration fallback) {
        String raw = take(name);
        if (raw == null) {
            return fallback;
        }
        Matcher matcher = DURATION.matcher(raw.trim().toLowerCase(Locale.ROOT));
        if (!matcher.matches()) {
            throw new IllegalArgumentException("--" + name + " was '" + raw
                    + "' but must be a duration such as 500ms, 90s, 10m or 2h");
        }
        long amount = Long.parseLong(matcher.group(1));
        switch (matcher.group(2)) {
            case "ms":
                return Duration.ofMillis(amount);
            case "s":
                return Duration.ofSeconds(amount);
            case "m":
                return Duration.ofMinutes(amount);
            default:
                return Duration.ofHours(amount);
        }
    }

    /** Returns the option as a number in [min, max], or {@code fallback}. */
    public double number(String name, double fallback, double min, double max) {
        String raw = take(name);
        if (raw == null) {
            return fallback;
        }
        try {
            double value = Double.parseDouble(raw.trim());
            if (value >= min && value <= max) {
                return value;
            }
        } catch (NumberFormatException e) {
            // falls through to the error below, which names the allowed range
        }
        throw new IllegalArgumentException("--" + name + " was '" + raw + "' but must be a number between "
                + min + " and " + max);
    }

    /**
     * Returns the option as text, or {@code fallback}.
     *
     * @throws IllegalArgumentException when the value is blank
     */
    public String text(String name, String fallback) {
        String raw = take(name);
        if (raw == null) {
            return fallback;
        }
        if (raw.isBlank()) {
            throw new IllegalArgumentException("--" + name + " was blank but needs a value");
        }
        return raw;
    }

    /** @throws IllegalArgumentException listing every option that no workload read */
    public void rejectUnread() {
        List<String> unknown = new ArrayList<>();
        for (String name : values.keySet()) {
            if (!read.contains(name)) {
                unknown.add("--" + name);
            }
        }
        if (!unknown.isEmpty()) {
            throw new IllegalArgumentException("unknown options for this workload: " + String.join(", ", unknown));
        }
    }

    private String take(String name) {
        read.add(name);
        return values.get(name);
    }
}
