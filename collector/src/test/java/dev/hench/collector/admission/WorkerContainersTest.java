package dev.hench.collector.admission;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hench.collector.budget.BudgetSettings;
import java.net.URISyntaxException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class WorkerContainersTest {

    private static Path nestedCase() throws URISyntaxException {
        return Path.of(WorkerContainersTest.class.getResource(
                "/budget/cases/linux-cgv2-nested-parent-limit/root").toURI());
    }

    @Test
    void workerCgroupShareOfLimit() throws Exception {
        WorkerContainers containers = new WorkerContainers(
                new BudgetSettings(nestedCase(), null, BudgetSettings.Os.LINUX, false));

        WorkerContainers.WorkerContainerUsage usage =
                containers.read("build-7", "/test/sibling").orElseThrow();

        assertThat(usage.budget().cgroupDir()).isEqualTo("/sys/fs/cgroup/test/sibling");
        assertThat(usage.budget().limitingCgroupDir()).isEqualTo("/sys/fs/cgroup/test");
        assertThat(usage.message()).isEqualTo("worker build-7's container is at 80 % of its "
                + "limit (40.0 MiB of 50.0 MiB, /sys/fs/cgroup/test/memory.max)");
    }

    @Test
    void notOnLinuxIsEmpty() throws Exception {
        WorkerContainers containers = new WorkerContainers(
                new BudgetSettings(nestedCase(), null, BudgetSettings.Os.MACOS, false));

        assertThat(containers.read("build-7", "/test/sibling")).isEmpty();
    }
}
