package dev.hench.collector.budget;

import java.util.List;

/**
 * Location of a process's memory cgroup on the machine.
 *
 * @param version    the hierarchy that carries the memory controller
 * @param mountPoint the mount point of that hierarchy; the walk up to find limits stops here
 * @param dir        the cgroup's directory as the machine names it, for example
 *                   {@code /sys/fs/cgroup/memory/user.slice}
 * @param degraded   true when the cgroup path was not found under the mount and {@code dir} is
 *                   the mount point instead
 * @param notes      how the location was chosen, one sentence each
 */
public record CgroupLocation(CgroupVersion version, String mountPoint, String dir,
        boolean degraded, List<String> notes) {

    /** Returns the directories from {@code dir} up to and including the mount point. */
    List<String> levelsUpToMount() {
        List<String> levels = new java.util.ArrayList<>();
        String current = dir;
        levels.add(current);
        while (!current.equals(mountPoint) && current.startsWith(mountPoint + "/")) {
            current = current.substring(0, current.lastIndexOf('/'));
            levels.add(current);
        }
        return List.copyOf(levels);
    }
}
