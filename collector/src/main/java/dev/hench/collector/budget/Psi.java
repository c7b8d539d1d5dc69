package dev.hench.collector.budget;

import java.io.IOException;
import java.util.List;
import java.util.Optional;

/**
 * Memory pressure stall information: the share of wall time in which some (or all non-idle)
 * tasks waited for memory, as the kernel reports it in {@code /proc/pressure/memory} and in a
 * cgroup v2 {@code memory.pressure} file.
 *
 * @param someAvg10  percent of the last 10 s in which at least one task stalled
 * @param someAvg60  the same over 60 s
 * @param someAvg300 the same over 300 s
 * @param someTotalMicros cumulative stall time of the {@code some} line
 * @param fullAvg10  percent of the last 10 s in which all non-idle tasks stalled
 * @param fullAvg60  the same over 60 s
 * @param fullAvg300 the same over 300 s
 * @param fullTotalMicros cumulative stall time of the {@code full} line
 * @param source     the file it came from
 */
public record Psi(double someAvg10, double someAvg60, double someAvg300, long someTotalMicros,
        double fullAvg10, double fullAvg60, double fullAvg300, long fullTotalMicros,
        String source) {

    static final String PROC_PRESSURE = "/proc/pressure/memory";

    /**
     * Reads the cgroup's {@code memory.pressure} when {@code cgroupDir} has one, else the
     * system-wide file; empty when neither exists (a kernel without PSI).
     */
    static Optional<Psi> read(MachineFiles files, String cgroupDir) throws IOException {
        if (cgroupDir != null) {
            String cgroupFile = cgroupDir + "/memory.pressure";
            Optional<List<String>> lines = files.lines(cgroupFile);
            if (lines.isPresent()) {
                return Optional.of(parse(lines.get(), cgroupFile));
            }
        }
        Optional<List<String>> lines = files.lines(PROC_PRESSURE);
        return lines.map(all -> parse(all, PROC_PRESSURE));
    }

    /** Parses the {@code some} and {@code full} lines; keys other than avg10/60/300 and total are skipped. */
    static Psi parse(List<String> lines, String source) {
        double[] some = new double[4];
        double[] full = new double[4];
        for (String line : lines) {
            String[] fields = line.trim().split("\\s+");
            if (fields.length == 0) {
                continue;
            }
            if (fields[0].equals("some")) {
                readFields(fields, some, source);
            } else if (fields[0].equals("full")) {
                readFields(fields, full, source);
            }
        }
        return new Psi(some[0], some[1], some[2], (long) some[3],
                full[0], full[1], full[2], (long) full[3], source);
    }

    private static void readFields(String[] fields, double[] into, String source) {
        for (int i = 1; i < fields.length; i++) {
            int equals = fields[i].indexOf('=');
            if (equals < 0) {
                throw new BudgetUnavailableException(source + " has a malformed field '"
                        + fields[i] + "'; expected key=value");
            }
            String key = fields[i].substring(0, equals);
            String value = fields[i].substring(equals + 1);
            int slot = switch (key) {
                case "avg10" -> 0;
                case "avg60" -> 1;
                case "avg300" -> 2;
                case "total" -> 3;
                default -> -1;
            };
            if (slot >= 0) {
                into[slot] = Double.parseDouble(value);
            }
        }
    }
}
