package dev.hench.collector.budget;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LinuxBudgetReaderTest {

    private static Path root(String caseName) throws URISyntaxException {
        return Path.of(LinuxBudgetReaderTest.class.getResource(
                "/budget/cases/" + caseName + "/root").toURI());
    }

    @Test
    void hostOnlyIgnoresContainerLimit() throws Exception {
        MemoryBudget budget = new LinuxBudgetReader(root("linux-cgv2-container-simple"), null,
                true).read();

        assertThat(budget.cgroupVersion()).isEqualTo(CgroupVersion.NONE);
        assertThat(budget.limit()).isNull();
        assertThat(budget.available().bytes()).isEqualTo(50331648L * 1024);
        assertThat(budget.notes()).contains("budget.source=host-only: cgroup limits are ignored");
    }

    @Test
    void configuredCgroupIsReadInsteadOfOwn() throws Exception {
        MemoryBudget budget = new LinuxBudgetReader(root("linux-cgv2-nested-parent-limit"),
                "/test/sibling", false).read();

        assertThat(budget.cgroupDir()).isEqualTo("/sys/fs/cgroup/test/sibling");
        assertThat(budget.limitingCgroupDir()).isEqualTo("/sys/fs/cgroup/test");
    }

    @Test
    void configuredDirectoryUnderMountIsAccepted() throws Exception {
        MemoryBudget budget = new LinuxBudgetReader(root("linux-cgv2-nested-parent-limit"),
                "/sys/fs/cgroup/test/sibling", false).read();

        assertThat(budget.cgroupDir()).isEqualTo("/sys/fs/cgroup/test/sibling");
    }

    @Test
    void missingCgroupIsDegradedToMount() throws Exception {
        MemoryBudget budget = new LinuxBudgetReader(root("linux-cgv2-nested-parent-limit"),
                "/no/such/group", false).read();

        assertThat(budget.degraded()).isTrue();
        assertThat(budget.cgroupDir()).isEqualTo("/sys/fs/cgroup");
        assertThat(budget.notes()).anyMatch(note -> note.startsWith(
                "cgroup path /no/such/group not found under mount /sys/fs/cgroup"));
    }

    @Test
    void garbageLimitMakesBudgetUnknown(@TempDir Path temp)
            throws Exception {
        Path file = temp.resolve("sys/fs/cgroup/memory.max");
        Files.createDirectories(file.getParent());
        Files.writeString(temp.resolve("sys/fs/cgroup/cgroup.controllers"),
                "memory\n");
        Files.writeString(file, "lots\n");
        Files.createDirectories(temp.resolve("proc/self"));
        Files.writeString(temp.resolve("proc/meminfo"),
                "MemTotal: 1000 kB\nMemAvailable: 500 kB\n");
        Files.writeString(temp.resolve("proc/self/cgroup"), "0::/\n");
        Files.writeString(temp.resolve("proc/self/mountinfo"),
                "30 23 0:26 / /sys/fs/cgroup rw - cgroup2 cgroup2 rw\n");

        MemoryBudget budget = new LinuxBudgetReader(temp, null, false).read();

        assertThat(budget.known()).isFalse();
        assertThat(budget.unknownReasons()).containsExactly("/sys/fs/cgroup/memory.max contains "
                + "'lots', which is neither 'max' nor a byte count");
    }
}
