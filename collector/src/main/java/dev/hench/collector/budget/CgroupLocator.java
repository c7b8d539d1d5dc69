package dev.hench.collector.budget;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Finds the memory cgroup of a process from {@code /proc/self/mountinfo} and
 * {@code /proc/self/cgroup}, following the rules the JDK's container support uses.
 *
 * <ul>
 *   <li>Memory is on cgroup v1 when a {@code cgroup} mount names {@code memory} in its super
 *       options. A {@code cgroup2} mount next to it (a systemd "hybrid" host) does not change
 *       that, so the v1 mount wins.</li>
 *   <li>Otherwise memory is on v2 when a {@code cgroup2} mount exists whose root
 *       {@code cgroup.controllers} lists {@code memory} (or has no such file).</li>
 *   <li>The cgroup path is translated through the mount's root: a root of {@code /} appends the
 *       path; a root equal to the path (a container's bind mount) is the mount point itself;
 *       a root that is a prefix of the path appends the rest. A path that is not under the root,
 *       or whose directory does not exist, falls back to the mount point and is marked
 *       degraded.</li>
 *   <li>When the same hierarchy is mounted more than once, the mount whose root contains the
 *       cgroup path is preferred, then the one under {@code /sys/fs/cgroup}, then the first.</li>
 * </ul>
 */
final class CgroupLocator {

    static final String PROC_CGROUP = "/proc/self/cgroup";
    private static final String MEMORY = "memory";
    private static final String STANDARD_MOUNT_PREFIX = "/sys/fs/cgroup";

    private final MachineFiles files;

    CgroupLocator(MachineFiles files) {
        this.files = files;
    }

    /**
     * Locates the memory cgroup of the process described by {@code /proc/self/cgroup}, or of
     * {@code cgroupPathOverride} when it is not null (a path within the memory hierarchy as
     * {@code /proc/PID/cgroup} prints it, or a directory under the cgroup mount).
     *
     * @return empty when no memory controller is mounted; the reason is added to {@code notes}
     */
    Optional<CgroupLocation> locate(String cgroupPathOverride, List<String> notes)
            throws IOException {
        List<Mount> mounts = Mount.parseAll(files.lines(Mount.MOUNTINFO).orElse(List.of()));
        List<Mount> v1 = mounts.stream().filter(m -> m.isCgroupV1With(MEMORY)).toList();
        if (!v1.isEmpty()) {
            String path = cgroupPathOverride != null ? cgroupPathOverride : procPath(true);
            return Optional.of(place(CgroupVersion.V1, v1, path, notes));
        }
        List<Mount> v2 = mounts.stream().filter(Mount::isCgroupV2).toList();
        if (v2.isEmpty()) {
            notes.add("no cgroup mount with the memory controller in " + Mount.MOUNTINFO);
            return Optional.empty();
        }
        List<Mount> v2WithMemory = new ArrayList<>();
        for (Mount mount : v2) {
            if (offersMemory(mount)) {
                v2WithMemory.add(mount);
            }
        }
        if (v2WithMemory.isEmpty()) {
            notes.add("the cgroup2 mount has no memory controller in its cgroup.controllers");
            return Optional.empty();
        }
        String path = cgroupPathOverride != null ? cgroupPathOverride : procPath(false);
        return Optional.of(place(CgroupVersion.V2, v2WithMemory, path, notes));
    }

    private boolean offersMemory(Mount mount) throws IOException {
        Optional<String> controllers = files.firstLine(mount.mountPoint() + "/cgroup.controllers");
        return controllers.map(line -> List.of(line.split("\\s+")).contains(MEMORY))
                .orElse(true);
    }

    /** Returns the memory path (v1) or the unified path (v2) from /proc/self/cgroup. */
    private String procPath(boolean v1) throws IOException {
        List<String> lines = files.lines(PROC_CGROUP).orElse(List.of());
        for (String line : lines) {
            String[] fields = line.split(":", 3);
            if (fields.length < 3) {
                continue;
            }
            boolean matches = v1
                    ? List.of(fields[1].split(",")).contains(MEMORY)
                    : fields[0].equals("0") && fields[1].isEmpty();
            if (matches) {
                return fields[2];
            }
        }
        throw new BudgetUnavailableException(PROC_CGROUP + " has no "
                + (v1 ? "memory controller line" : "'0::' line") + " although a "
                + (v1 ? "cgroup v1 memory" : "cgroup2") + " mount exists");
    }

    private CgroupLocation place(CgroupVersion version, List<Mount> candidates, String path,
            List<String> notes) {
        if (path.startsWith(STANDARD_MOUNT_PREFIX + "/")) {
            for (Mount mount : candidates) {
                boolean inside = path.equals(mount.mountPoint())
                        || path.startsWith(mount.mountPoint() + "/");
                if (inside && files.exists(path)) {
                    return new CgroupLocation(version, mount.mountPoint(), path, false, notes);
                }
            }
        }
        Mount mount = candidates.stream().min(preference(path)).orElseThrow();
        if (candidates.size() > 1) {
            notes.add("memory hierarchy mounted " + candidates.size() + " times; using "
                    + mount.mountPoint());
        }
        String dir = translate(mount, path);
        if (dir == null || !files.exists(dir)) {
            notes.add("cgroup path " + path + " not found under mount " + mount.mountPoint()
                    + " (mount root " + mount.root() + "); using the mount point");
            return new CgroupLocation(version, mount.mountPoint(), mount.mountPoint(), true,
                    notes);
        }
        return new CgroupLocation(version, mount.mountPoint(), dir, false, notes);
    }

    private static Comparator<Mount> preference(String path) {
        Comparator<Mount> containsPath = Comparator.comparing(m -> translate(m, path) == null);
        Comparator<Mount> standardPlace = Comparator.comparing(
                m -> !m.mountPoint().startsWith(STANDARD_MOUNT_PREFIX));
        return containsPath.thenComparing(standardPlace);
    }

    /** Maps a cgroup path to a directory under the mount, or null when it is not under the root. */
    private static String translate(Mount mount, String path) {
        String root = mount.root();
        if (root.equals("/")) {
            return path.equals("/") ? mount.mountPoint() : mount.mountPoint() + path;
        }
        if (path.equals(root)) {
            return mount.mountPoint();
        }
        if (path.startsWith(root + "/")) {
            return mount.mountPoint() + path.substring(root.length());
        }
        return null;
    }
}
