package dev.hench.collector.budget;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

/**
 * One line of {@code /proc/self/mountinfo}, reduced to what cgroup detection needs.
 *
 * @param root          the directory of the mounted file system that appears at the mount point
 *                      ({@code /} unless a cgroup namespace or a bind mount narrows it)
 * @param mountPoint    where it is mounted, as the machine names it
 * @param fsType        {@code cgroup}, {@code cgroup2}, {@code tmpfs}, ...
 * @param superOptions  the per-superblock options; for cgroup v1 they name the controllers
 */
record Mount(String root, String mountPoint, String fsType, Set<String> superOptions) {

    static final String MOUNTINFO = "/proc/self/mountinfo";

    /** Parses every well-formed line; the optional fields end at the lone {@code -}. */
    static List<Mount> parseAll(List<String> lines) {
        List<Mount> mounts = new ArrayList<>();
        for (String line : lines) {
            String[] fields = line.trim().split(" ");
            int separator = Arrays.asList(fields).indexOf("-");
            if (separator < 6 || fields.length < separator + 3) {
                continue;
            }
            mounts.add(new Mount(unescape(fields[3]), unescape(fields[4]), fields[separator + 1],
                    Set.of(fields[separator + 3].split(","))));
        }
        return mounts;
    }

    boolean isCgroupV1With(String controller) {
        return fsType.equals("cgroup") && superOptions.contains(controller);
    }

    boolean isCgroupV2() {
        return fsType.equals("cgroup2");
    }

    /** Decodes the octal escapes ({@code \040} for a space) that the kernel writes in paths. */
    private static String unescape(String field) {
        StringBuilder out = new StringBuilder(field.length());
        for (int i = 0; i < field.length(); i++) {
            char c = field.charAt(i);
            if (c == '\\' && isOctal(field, i + 1)) {
                out.append((char) Integer.parseInt(field.substring(i + 1, i + 4), 8));
                i += 3;
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    private static boolean isOctal(String text, int from) {
        if (from + 3 > text.length()) {
            return false;
        }
        for (int i = from; i < from + 3; i++) {
            if (text.charAt(i) < '0' || text.charAt(i) > '7') {
                return false;
            }
        }
        return true;
    }
}
