package dev.hench.collector.budget;

import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the budget of a macOS machine from the output of {@code vm_stat} and {@code sysctl}:
 * run live ({@link #live()}), or saved as {@code ROOT/vm_stat.txt} and {@code ROOT/sysctl.txt}.
 *
 * <p>Available is (free + speculative + inactive) pages times the page size printed in the
 * {@code vm_stat} header. Inactive and speculative pages are reclaimed by the system at once, so
 * counting only free pages makes a machine look full when it is not. Compressed and purgeable
 * pages are not added: purgeable pages already sit on the active or inactive queues.
 */
public final class MacBudgetReader implements BudgetReader {

    static final String VM_STAT = "/vm_stat.txt";
    static final String SYSCTL = "/sysctl.txt";
    private static final String OS = "macos";
    private static final Pattern PAGE_SIZE = Pattern.compile("page size of (\\d+) bytes");

    private final MacOutputs outputs;
    private final Path root;

    /** Creates a reader of the outputs saved under {@code root}. */
    public MacBudgetReader(Path root) {
        this(MacOutputs.saved(root), root);
    }

    private MacBudgetReader(MacOutputs outputs, Path root) {
        this.outputs = outputs;
        this.root = root;
    }

    /** Creates a reader that runs {@code vm_stat} and {@code sysctl} on this Mac at every read. */
    public static MacBudgetReader live() {
        return new MacBudgetReader(MacOutputs.live(), Path.of("/"));
    }

    @Override
    public MemoryBudget read() {
        return FailureToUnknown.run(OS, root, this::readOrThrow);
    }

    private MemoryBudget readOrThrow(List<String> notes) throws IOException {
        String vmStatSource = outputs.vmStatSource();
        String sysctlSource = outputs.sysctlSource();
        List<String> vmStat = outputs.vmStat().orElseThrow(() ->
                new BudgetUnavailableException(outputs.missing(vmStatSource)));
        Map<String, String> sysctl = SysctlText.parse(outputs.sysctl().orElseThrow(() ->
                new BudgetUnavailableException(outputs.missing(sysctlSource))));
        long pageBytes = pageSize(vmStat, vmStatSource);
        Map<String, Long> pages = pageCounts(vmStat);
        long pageCount = 0;
        for (String key : List.of("Pages free", "Pages speculative", "Pages inactive")) {
            Long count = pages.get(key);
            if (count == null) {
                throw new BudgetUnavailableException(vmStatSource + " has no '" + key + "' line");
            }
            pageCount += count;
        }
        Measured available = new Measured(pageCount * pageBytes, vmStatSource
                + ":(Pages free + Pages speculative + Pages inactive) x page size " + pageBytes);
        Measured total = new Measured(SysctlText.number(sysctl, "hw.memsize", sysctlSource),
                sysctlSource + ":hw.memsize");
        MacPressure pressure = pressure(sysctl, sysctlSource, notes).orElse(null);
        return new MemoryBudget(OS, CgroupVersion.NONE, null, false, null, null, null, available,
                total, List.of(), null, pressure, notes, List.of());
    }

    /** Parses lines such as {@code Pages free:   3857.}; the header and quoted keys are skipped. */
    private static Map<String, Long> pageCounts(List<String> vmStat) {
        Map<String, Long> counts = new HashMap<>();
        for (String line : vmStat) {
            int colon = line.lastIndexOf(':');
            if (colon <= 0) {
                continue;
            }
            String value = line.substring(colon + 1).trim();
            if (value.endsWith(".")) {
                value = value.substring(0, value.length() - 1);
            }
            if (!value.isEmpty() && value.chars().allMatch(Character::isDigit)) {
                counts.put(line.substring(0, colon).trim(), Long.parseLong(value));
            }
        }
        return counts;
    }

    private static long pageSize(List<String> vmStat, String source) {
        for (String line : vmStat) {
            Matcher matcher = PAGE_SIZE.matcher(line);
            if (matcher.find()) {
                return Long.parseLong(matcher.group(1));
            }
        }
        throw new BudgetUnavailableException(source
                + " has no '(page size of N bytes)' header; save the full output of vm_stat");
    }

    private static Optional<MacPressure> pressure(Map<String, String> sysctl, String source,
            List<String> notes) {
        String key = "kern.memorystatus_vm_pressure_level";
        if (!sysctl.containsKey(key)) {
            notes.add(source + " has no " + key + "; pressure is not considered");
            return Optional.empty();
        }
        int level = (int) SysctlText.number(sysctl, key, source);
        return Optional.of(new MacPressure(level, source + ":" + key));
    }
}
