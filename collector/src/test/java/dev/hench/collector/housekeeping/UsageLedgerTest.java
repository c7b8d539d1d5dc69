package dev.hench.collector.housekeeping;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class UsageLedgerTest {

    @TempDir
    Path dir;

    private static RunSummary run(String id, String finishedAt, TokenUsage usage) {
        return new RunSummary(2, id, "w", "m", Instant.parse("2026-01-01T00:00:00Z"),
                Instant.parse(finishedAt), "succeeded", usage, 1);
    }

    @Test
    void recordsEachRunOnce() throws Exception {
        try (UsageLedger ledger = UsageLedger.openForAppend(dir)) {
            RunSummary run = run("a", "2026-01-01T10:00:00Z", new TokenUsage(1, 2, 3L, 4L));
            assertThat(ledger.record(run)).isTrue();
            assertThat(ledger.record(run)).isFalse();
        }
        assertThat(UsageLedger.read(dir)).hasSize(1);
    }

    @Test
    void reopenedLedgerRemembersRecordedRuns() throws Exception {
        RunSummary run = run("a", "2026-01-01T10:00:00Z", new TokenUsage(1, 2, 3L, 4L));
        try (UsageLedger ledger = UsageLedger.openForAppend(dir)) {
            ledger.record(run);
        }
        try (UsageLedger ledger = UsageLedger.openForAppend(dir)) {
            assertThat(ledger.contains("a")).isTrue();
            assertThat(ledger.record(run)).isFalse();
        }
        assertThat(UsageLedger.read(dir)).hasSize(1);
    }

    @Test
    void attributesUsageToUtcDayOfFinish() throws Exception {
        try (UsageLedger ledger = UsageLedger.openForAppend(dir)) {
            ledger.record(run("late", "2026-03-01T23:59:59Z", new TokenUsage(1, 1, null, null)));
            ledger.record(run("early", "2026-03-02T00:00:00Z", new TokenUsage(1, 1, null, null)));
        }
        List<LedgerEntry> entries = UsageLedger.read(dir);
        assertThat(entries.get(0).dayUtc()).isEqualTo(LocalDate.parse("2026-03-01"));
        assertThat(entries.get(1).dayUtc()).isEqualTo(LocalDate.parse("2026-03-02"));
    }

    @Test
    void absentCountersReadBackAbsent() throws Exception {
        try (UsageLedger ledger = UsageLedger.openForAppend(dir)) {
            ledger.record(run("a", "2026-01-01T10:00:00Z", new TokenUsage(1, 2, null, 4L)));
        }
        String line = Files.readString(dir.resolve(RunFileNames.LEDGER_FILE));
        assertThat(line).doesNotContain("cacheCreationInput");
        TokenUsage usage = UsageLedger.read(dir).get(0).usage();
        assertThat(usage.cacheCreationInput()).isNull();
        assertThat(usage.cacheReadInput()).isEqualTo(4L);
    }

    @Test
    void tornLastLineIsCutOff() throws Exception {
        RunSummary first = run("a", "2026-01-01T10:00:00Z", new TokenUsage(1, 2, 3L, 4L));
        RunSummary torn = run("b", "2026-01-01T11:00:00Z", new TokenUsage(5, 6, 7L, 8L));
        try (UsageLedger ledger = UsageLedger.openForAppend(dir)) {
            ledger.record(first);
        }
        Path file = dir.resolve(RunFileNames.LEDGER_FILE);
        byte[] line = LedgerCodec.encodeLine(LedgerEntry.of(torn));
        Files.write(file, java.util.Arrays.copyOf(line, line.length / 2), StandardOpenOption.APPEND);
        assertThat(UsageLedger.read(dir)).extracting(LedgerEntry::id).containsExactly("a");

        try (UsageLedger ledger = UsageLedger.openForAppend(dir)) {
            assertThat(ledger.contains("b")).isFalse();
            assertThat(ledger.record(torn)).isTrue();
        }
        assertThat(UsageLedger.read(dir)).extracting(LedgerEntry::id).containsExactly("a", "b");
        assertThat(Files.readString(file)).endsWith("}\n");
    }

    @Test
    void invalidCompleteLineFailsOpenWithLineNumber() throws Exception {
        Files.writeString(dir.resolve(RunFileNames.LEDGER_FILE), "not json\n",
                StandardCharsets.UTF_8);
        assertThatThrownBy(() -> UsageLedger.openForAppend(dir))
                .hasMessageContaining("line 1 is invalid");
    }

    @Test
    void runningRunIsRejected() throws Exception {
        RunSummary running = new RunSummary(2, "r", "w", "m", Instant.EPOCH, null, "running",
                new TokenUsage(0, 0, null, null), null);
        try (UsageLedger ledger = UsageLedger.openForAppend(dir)) {
            assertThatThrownBy(() -> ledger.record(running))
                    .isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Test
    void totalsAddUpByDayModelAndWorker() throws Exception {
        try (UsageLedger ledger = UsageLedger.openForAppend(dir)) {
            ledger.record(run("a", "2026-01-01T10:00:00Z", new TokenUsage(1, 2, 3L, null)));
            ledger.record(run("b", "2026-01-02T10:00:00Z", new TokenUsage(10, 20, null, 40L)));
        }
        UsageTotals totals = UsageTotals.of(UsageLedger.read(dir));
        assertThat(totals.getLifetime().getRuns()).isEqualTo(2);
        assertThat(totals.getLifetime().getInput()).isEqualTo(11);
        assertThat(totals.getLifetime().getCacheCreationInput()).isEqualTo(3);
        assertThat(totals.getLifetime().getRunsWithoutCacheCreationInput()).isEqualTo(1);
        assertThat(totals.getLifetime().getRunsWithoutCacheReadInput()).isEqualTo(1);
        assertThat(totals.getByDay()).hasSize(2);
        assertThat(totals.getByModel().get("m").getOutput()).isEqualTo(22);
        assertThat(totals.getByWorker().get("w").getRuns()).isEqualTo(2);
    }
}
