package dev.hench.collector.budget;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class MacBudgetReaderTest {

    @Test
    void liveReaderWithoutVmStatIsUnknown() {
        assumeFalse(Files.exists(Path.of("/usr/bin/vm_stat")), "this machine has vm_stat");

        MemoryBudget budget = MacBudgetReader.live().read();

        assertThat(budget.known()).isFalse();
        assertThat(budget.unknownReasons()).containsExactly(
                "vm_stat could not be run, printed nothing or took over 5 s");
    }

    @Test
    void rootSlashSelectsLiveReader() {
        BudgetReader reader = BudgetReader.from(
                new BudgetSettings(Path.of("/"), null, BudgetSettings.Os.MACOS, false));

        assertThat(reader).isInstanceOf(MacBudgetReader.class);
        assertThat(reader.read().os()).isEqualTo("macos");
    }
}
