package dev.hench.collector.housekeeping;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.hench.collector.config.Settings;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HousekeeperTest {

    private static final Instant DUE = Instant.parse("2026-06-15T03:30:00Z");

    @TempDir
    Path dir;

    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private Housekeeper housekeeper;

    @AfterEach
    void stop() {
        if (housekeeper != null) {
            housekeeper.stop();
        }
    }

    private HousekeepingSettings settings() {
        Map<String, String> values = new HashMap<>();
        values.put("runs.dir", dir.toString());
        values.put("housekeeping.schedule", "03:30");
        values.put("housekeeping.zone", "UTC");
        values.put("housekeeping.ledgerScanInterval", "1s");
        Settings settings = Settings.of(values);
        HousekeepingSettings result = HousekeepingSettings.from(settings);
        settings.validate();
        return result;
    }

    @Test
    void fullPassRunsAtScheduledWallClockTime() throws Exception {
        TestRuns.write(dir, TestRuns.finished("old", DUE.minus(Duration.ofDays(40))));
        TestRuns.write(dir, TestRuns.finished("expiring", DUE.minus(Duration.ofDays(170))));
        MutableClock clock = new MutableClock(DUE.minusMillis(300));
        housekeeper = new Housekeeper(settings(), registry, clock);
        housekeeper.start();
        assertThat(dir.resolve("old.json")).exists();

        clock.set(DUE.plusMillis(1));

        // The metrics are updated after the pass, so once they show it the files are settled.
        await().atMost(10, TimeUnit.SECONDS).untilAsserted(() -> assertThat(
                registry.get("hench.housekeeping.runs.archived").counter().count()).isEqualTo(2));
        assertThat(dir.resolve("old.json.gz")).exists();
        assertThat(dir.resolve("old.json")).doesNotExist();
        assertThat(registry.get("hench.housekeeping.runs.expiring").gauge().value()).isEqualTo(1);
    }

    @Test
    void workRunsOnNamedLowPriorityThread() throws Exception {
        housekeeper = new Housekeeper(settings(), registry, new MutableClock(DUE));
        housekeeper.start();
        housekeeper.runFullPassNow().get(10, TimeUnit.SECONDS);

        Set<Thread> threads = Thread.getAllStackTraces().keySet().stream()
                .filter(t -> t.getName().startsWith("hench-housekeeping-"))
                .collect(Collectors.toSet());
        assertThat(threads).extracting(Thread::getName).containsExactly("hench-housekeeping-1");
        assertThat(threads).allSatisfy(t -> {
            assertThat(t.isDaemon()).isTrue();
            assertThat(t.getPriority()).isEqualTo(Thread.MIN_PRIORITY);
        });
    }

    @Test
    void ledgerScanRecordsNewlyFinishedRunsBetweenPasses() throws Exception {
        housekeeper = new Housekeeper(settings(), registry, new MutableClock(DUE.minusSeconds(7200)));
        housekeeper.start();

        TestRuns.write(dir, TestRuns.finished("fresh", DUE.minusSeconds(9000)));

        await().atMost(10, TimeUnit.SECONDS).untilAsserted(() -> assertThat(
                registry.get("hench.housekeeping.ledger.runs").gauge().value()).isEqualTo(1));
        assertThat(UsageLedger.read(dir)).extracting(LedgerEntry::id).containsExactly("fresh");
    }

    @Test
    void secondHousekeeperOnSameDirectoryIsRejected() throws Exception {
        housekeeper = new Housekeeper(settings(), registry, new MutableClock(DUE));
        housekeeper.start();
        Housekeeper second = new Housekeeper(settings(), new SimpleMeterRegistry(),
                new MutableClock(DUE));
        assertThatThrownBy(second::start).isInstanceOf(RunsDirectoryLockedException.class);
        second.stop();
    }

    @Test
    void withoutRunsDirectoryStartDoesNothing() throws Exception {
        housekeeper = new Housekeeper(HousekeepingSettings.from(Settings.of(Map.of())), registry,
                new MutableClock(DUE));
        housekeeper.start();
        housekeeper.stop();
        housekeeper = null;
    }
}
