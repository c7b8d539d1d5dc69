package dev.hench.collector.budget;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The {@code name: value} lines that {@code sysctl NAME...} prints. */
final class SysctlText {

    private SysctlText() {
    }

    static Map<String, String> parse(List<String> lines) {
        Map<String, String> values = new LinkedHashMap<>();
        for (String line : lines) {
            int colon = line.indexOf(':');
            if (colon > 0) {
                values.put(line.substring(0, colon).trim(), line.substring(colon + 1).trim());
            }
        }
        return values;
    }

    static long number(Map<String, String> values, String key, String source) {
        String value = values.get(key);
        if (value == null) {
            throw new BudgetUnavailableException(source + " has no " + key + " line");
        }
        try {
            return Long.parseLong(value);
        } catch (NumberFormatException e) {
            throw new BudgetUnavailableException(source + " has " + key + " = '" + value
                    + "', which is not a whole number");
        }
    }
}
