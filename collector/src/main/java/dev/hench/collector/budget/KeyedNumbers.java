package dev.hench.collector.budget;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;

/**
 * The whole-number values of a {@code key value} file such as cgroup {@code memory.stat} or
 * {@code /proc/meminfo}. Lines whose value is not a whole number are skipped, so keys this
 * reader does not know never break it.
 */
final class KeyedNumbers {

    private final Map<String, Long> values;

    private KeyedNumbers(Map<String, Long> values) {
        this.values = values;
    }

    /** Parses lines of the form {@code key value [unit]}; a trailing colon on the key is dropped. */
    static KeyedNumbers parse(List<String> lines) {
        Map<String, Long> values = new LinkedHashMap<>();
        for (String line : lines) {
            String[] fields = line.trim().split("\\s+");
            if (fields.length < 2) {
                continue;
            }
            String key = fields[0].endsWith(":")
                    ? fields[0].substring(0, fields[0].length() - 1) : fields[0];
            try {
                values.put(key, Long.parseLong(fields[1]));
            } catch (NumberFormatException e) {
                // Not a number (for example a header line): this key simply has no value.
                continue;
            }
        }
        return new KeyedNumbers(values);
    }

    OptionalLong get(String key) {
        Long value = values.get(key);
        return value == null ? OptionalLong.empty() : OptionalLong.of(value);
    }

    boolean has(String key) {
        return values.containsKey(key);
    }
}
