package dev.hench.collector.admission;

import dev.hench.collector.budget.BudgetReader;
import dev.hench.collector.budget.BudgetSettings;
import dev.hench.collector.budget.Measured;
import dev.hench.collector.budget.MemoryBudget;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code collector budget}: prints the memory budget as the collector reads it, with sources. */
@Command(name = "budget", mixinStandardHelpOptions = true,
        description = "Print the memory budget (cgroup limit, working set, available memory) "
                + "and the admission level, with the file and key behind every number.")
public final class BudgetCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Option(names = "--root", paramLabel = "DIR", defaultValue = "/",
            description = "Directory to read /proc, /sys (and on macOS vm_stat.txt, sysctl.txt) "
                    + "under; default: ${DEFAULT-VALUE}.")
    private Path root;

    @Option(names = "--os", paramLabel = "OS",
            description = "Reader to use: linux, macos or other; default: the running OS.")
    private String os;

    @Option(names = "--cgroup", paramLabel = "PATH",
            description = "Memory cgroup path to read (as /proc/PID/cgroup prints it); "
                    + "default: this process's own.")
    private String cgroup;

    @Option(names = "--json", description = "Print JSON instead of text.")
    private boolean json;

    @Override
    public Integer call() {
        if (!Files.isDirectory(root)) {
            throw new ParameterException(spec.commandLine(), "--root '" + root
                    + "' is not a directory; pass the directory that contains proc/ and sys/");
        }
        BudgetSettings budgetSettings = new BudgetSettings(root, cgroup, parseOs(), false);
        AdmissionSettings settings = AdmissionSettings.defaults().withBudget(budgetSettings);
        MemoryBudget budget = BudgetReader.from(budgetSettings).read();
        AdmissionDecision decision = new AdmissionRules(settings).decide(budget,
                AdmissionLevel.NORMAL, 0, null, Clock.systemUTC().millis());
        PrintWriter out = spec.commandLine().getOut();
        out.println(json ? AdmissionJson.document(decision) : text(decision));
        out.flush();
        return 0;
    }

    private BudgetSettings.Os parseOs() {
        if (os == null) {
            return BudgetSettings.Os.current();
        }
        return switch (os) {
            case "linux" -> BudgetSettings.Os.LINUX;
            case "macos" -> BudgetSettings.Os.MACOS;
            case "other" -> BudgetSettings.Os.OTHER;
            default -> throw new ParameterException(spec.commandLine(), "--os was '" + os
                    + "' but must be linux, macos or other");
        };
    }

    private static String text(AdmissionDecision decision) {
        MemoryBudget budget = decision.budget();
        StringBuilder out = new StringBuilder();
        row(out, "os", budget.os());
        row(out, "cgroup", budget.cgroupVersion().label()
                + (budget.cgroupDir() == null ? "" : " " + budget.cgroupDir())
                + (budget.degraded() ? " (path not found; mount point used)" : ""));
        row(out, "limit", budget.limit() == null ? "none" : measured(budget.limit())
                + " at " + budget.limitingCgroupDir());
        row(out, "working set", measured(budget.workingSet()));
        row(out, "available", measured(budget.available()));
        row(out, "host total", measured(budget.hostTotal()));
        if (budget.psi() != null) {
            row(out, "pressure", String.format(java.util.Locale.ROOT,
                    "some avg10 %.2f %%, full avg10 %.2f %%   (%s)", budget.psi().someAvg10(),
                    budget.psi().fullAvg10(), budget.psi().source()));
        }
        if (budget.macPressure() != null) {
            row(out, "pressure", budget.macPressure().label() + "   ("
                    + budget.macPressure().source() + ")");
        }
        row(out, "level", decision.level().name());
        decision.reasons().forEach(reason -> row(out, "reason", reason));
        budget.notes().forEach(note -> row(out, "note", note));
        return out.toString().stripTrailing();
    }

    private static String measured(Measured value) {
        return value == null ? "unknown"
                : ByteText.bytes(value.bytes()) + " = " + value.bytes() + " B   (" + value.source()
                        + ")";
    }

    private static void row(StringBuilder out, String label, String value) {
        out.append(String.format("%-12s %s%n", label, value));
    }
}
