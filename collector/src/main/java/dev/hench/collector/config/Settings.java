package dev.hench.collector.config;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;

/**
 * The collector's configuration: a properties file overlaid by command-line {@code --set
 * key=value} pairs. Each feature reads its own keys through the typed getters, which record a
 * problem instead of throwing, so that {@link #validate()} can report every invalid key at once.
 *
 * <p>Not thread-safe; build it, let each feature read its keys, then call {@link #validate()}.
 */
public final class Settings {

    private final Map<String, String> values;
    private final Map<String, String> sources;
    private final Set<String> readKeys = new TreeSet<>();
    private final List<String> problems = new ArrayList<>();
    private final List<String> warnings = new ArrayList<>();

    private Settings(Map<String, String> values, Map<String, String> sources) {
        this.values = values;
        this.sources = sources;
    }

    /** Creates settings from explicit values, for tests and for flags only. */
    public static Settings of(Map<String, String> values) {
        Map<String, String> sources = new LinkedHashMap<>();
        values.keySet().forEach(key -> sources.put(key, "flag"));
        return new Settings(new LinkedHashMap<>(values), sources);
    }

    /**
     * Loads {@code file} (may be null) and then applies {@code overrides} on top of it.
     *
     * @throws ConfigException when the file cannot be read
     */
    public static Settings load(Path file, Map<String, String> overrides) {
        Map<String, String> values = new LinkedHashMap<>();
        Map<String, String> sources = new LinkedHashMap<>();
        if (file != null) {
            readFile(file, values, sources);
        }
        overrides.forEach((key, value) -> {
            values.put(key, value);
            sources.put(key, "flag");
        });
        return new Settings(values, sources);
    }

    private static void readFile(Path file, Map<String, String> values,
            Map<String, String> sources) {
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(file)) {
            properties.load(reader);
        } catch (IOException e) {
            throw new ConfigException(List.of("config file '" + file
                    + "' could not be read: " + e.getMessage()
                    + "; pass a readable properties file to --config"));
        }
        for (String key : new TreeSet<>(properties.stringPropertyNames())) {
            values.put(key, properties.getProperty(key).trim());
            sources.put(key, file.toString());
        }
    }

    /** Returns the raw value of {@code key}, or {@code fallback} when it is not set. */
    public String string(String key, String fallback) {
        readKeys.add(key);
        return values.getOrDefault(key, fallback);
    }

    /** Returns the value of {@code key} as a whole number in [min, max]. */
    public long integer(String key, long fallback, long min, long max) {
        String raw = string(key, null);
        if (raw == null) {
            return fallback;
        }
        try {
            long value = Long.parseLong(raw.trim());
            if (value < min || value > max) {
                problem(key, raw, "must be between " + min + " and " + max);
                return fallback;
            }
            return value;
        } catch (NumberFormatException e) {
            problem(key, raw, "must be a whole number between " + min + " and " + max);
            return fallback;
        }
    }

    /** Returns the value of {@code key} as a fraction in [min, max], for example 0.8. */
    public double fraction(String key, double fallback, double min, double max) {
        String raw = string(key, null);
        if (raw == null) {
            return fallback;
        }
        try {
            double value = Double.parseDouble(raw.trim());
            if (!(value >= min && value <= max)) {
                problem(key, raw, "must be a number between " + min + " and " + max);
                return fallback;
            }
            return value;
        } catch (NumberFormatException e) {
            problem(key, raw, "must be a number between " + min + " and " + max);
            return fallback;
        }
    }

    /** Returns the value of {@code key} as true or false. */
    public boolean bool(String key, boolean fallback) {
        String raw = string(key, null);
        if (raw == null) {
            return fallback;
        }
        String trimmed = raw.trim();
        if (trimmed.equalsIgnoreCase("true") || trimmed.equalsIgnoreCase("false")) {
            return Boolean.parseBoolean(trimmed);
        }
        problem(key, raw, "must be true or false");
        return fallback;
    }

    /**
     * Returns the value of {@code key} as a duration in [min, max]. Accepts a number with a unit
     * (ms, s, m, h, d), for example {@code 500ms} or {@code 10m}, or an ISO-8601 duration.
     */
    public Duration duration(String key, Duration fallback, Duration min, Duration max) {
        String raw = string(key, null);
        if (raw == null) {
            return fallback;
        }
        Duration value = Durations.parseOrNull(raw);
        String allowed = "must be a duration between " + Durations.format(min) + " and "
                + Durations.format(max) + " such as 500ms, 30s, 10m, 2h or 1d";
        if (value == null || value.compareTo(min) < 0 || value.compareTo(max) > 0) {
            problem(key, raw, allowed);
            return fallback;
        }
        return value;
    }

    /** Records a problem found by a feature's own cross-key check. */
    public void problem(String key, String value, String allowed) {
        String source = sources.getOrDefault(key, "default");
        problems.add(key + " was '" + value + "' (" + source + ") but " + allowed);
    }

    /** Records a warning: the configuration is valid but likely not what the operator wants. */
    public void warning(String message) {
        warnings.add(message);
    }

    public List<String> warnings() {
        return List.copyOf(warnings);
    }

    /**
     * Reports every problem at once: invalid values and keys that no feature read (usually a
     * typo).
     *
     * @throws ConfigException listing all problems, when there is at least one
     */
    public void validate() {
        List<String> all = new ArrayList<>(problems);
        for (String key : values.keySet()) {
            if (!readKeys.contains(key)) {
                all.add(key + " is not a known setting (from " + sources.get(key)
                        + "); check its spelling against 'collector run --help'");
            }
        }
        if (!all.isEmpty()) {
            throw new ConfigException(all);
        }
    }
}
