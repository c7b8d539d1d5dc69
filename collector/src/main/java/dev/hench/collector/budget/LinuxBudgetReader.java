package dev.hench.collector.budget;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Reads the budget of a Linux machine: the host from {@code /proc/meminfo}, the memory cgroup
 * located through {@link CgroupLocator}, and pressure from PSI.
 *
 * <p>The effective limit is the smallest limit from the cgroup up to its mount point, because a
 * parent's limit caps all its children together. The working set (usage minus inactive file
 * pages, as the kubelet computes it) is read at the level whose limit applies, since siblings
 * share that limit. Available is the smallest of every limited level's headroom and the host's
 * available memory.
 */
public final class LinuxBudgetReader implements BudgetReader {

    private static final String OS = "linux";

    private final MachineFiles files;
    private final String cgroupPath;
    private final boolean hostOnly;

    /**
     * @param root       the machine's root directory, {@code /} on a live system
     * @param cgroupPath a cgroup path in the memory hierarchy, or null for the process's own
     * @param hostOnly   ignore cgroups and budget against the host alone; this reproduces the
     *                   behaviour of guards that ignore container limits, for comparisons only
     */
    public LinuxBudgetReader(Path root, String cgroupPath, boolean hostOnly) {
        this.files = new MachineFiles(root);
        this.cgroupPath = cgroupPath;
        this.hostOnly = hostOnly;
    }

    /** Returns a reader for another cgroup on the same machine, such as a worker's. */
    public LinuxBudgetReader forCgroup(String otherCgroupPath) {
        return new LinuxBudgetReader(files.root(), otherCgroupPath, false);
    }

    @Override
    public MemoryBudget read() {
        return FailureToUnknown.run(OS, files.root(), this::readOrThrow);
    }

    private MemoryBudget readOrThrow(List<String> notes) throws IOException {
        HostMemory host = HostMemory.read(files);
        if (hostOnly) {
            notes.add("budget.source=host-only: cgroup limits are ignored");
            Psi psi = Psi.read(files, null).orElse(null);
            return new MemoryBudget(OS, CgroupVersion.NONE, null, false, null, null, null,
                    host.available(), host.total(), List.of(), psi, null, notes, List.of());
        }
        Optional<CgroupLocation> location = new CgroupLocator(files).locate(cgroupPath, notes);
        if (location.isEmpty()) {
            Psi psi = Psi.read(files, null).orElse(null);
            return new MemoryBudget(OS, CgroupVersion.NONE, null, false, null, null, null,
                    host.available(), host.total(), List.of(), psi, null, notes, List.of());
        }
        return withCgroup(host, location.get(), notes);
    }

    private MemoryBudget withCgroup(HostMemory host, CgroupLocation location, List<String> notes)
            throws IOException {
        List<CgroupLevel> levels = new ArrayList<>();
        for (String dir : location.levelsUpToMount()) {
            levels.add(CgroupLevel.read(files, location.version(), dir, host.total().bytes()));
        }
        List<CgroupLevel> limited = levels.stream().filter(l -> l.limit() != null).toList();
        Optional<CgroupLevel> limiting = limited.stream().min(bindingFirst(levels));
        Measured workingSet = limiting.map(CgroupLevel::workingSet)
                .orElse(levels.get(0).workingSet());
        Measured available = host.available();
        for (CgroupLevel level : limited) {
            if (level.workingSet() == null) {
                notes.add(level.dir() + " has a limit but no usage file; its whole limit "
                        + "counts as headroom");
            }
            if (level.headroomBytes() < available.bytes()) {
                available = new Measured(level.headroomBytes(), level.limit().source()
                        + " - working set (" + describe(level.workingSet()) + ")");
            }
        }
        String psiDir = location.version() == CgroupVersion.V2 ? location.dir() : null;
        Psi psi = Psi.read(files, psiDir).orElse(null);
        return new MemoryBudget(OS, location.version(), location.dir(), location.degraded(),
                limiting.map(CgroupLevel::limit).orElse(null),
                limiting.map(CgroupLevel::dir).orElse(null), workingSet, available,
                host.total(), levels, psi, null, notes, List.of());
    }

    /** Orders by limit, then by least headroom, then outermost first. */
    private static Comparator<CgroupLevel> bindingFirst(List<CgroupLevel> innermostFirst) {
        Comparator<CgroupLevel> byLimit = Comparator.comparingLong(l -> l.limit().bytes());
        return byLimit.thenComparingLong(CgroupLevel::headroomBytes)
                .thenComparing(Comparator.comparingInt(
                        (CgroupLevel l) -> innermostFirst.indexOf(l)).reversed());
    }

    private static String describe(Measured workingSet) {
        return workingSet == null ? "unknown" : workingSet.source();
    }
}
