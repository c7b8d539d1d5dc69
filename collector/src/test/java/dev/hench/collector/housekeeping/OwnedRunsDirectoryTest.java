package dev.hench.collector.housekeeping;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.hench.collector.config.Settings;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OwnedRunsDirectoryTest {

    private static final Instant NOW = TestRuns.NOW;

    @TempDir
    Path dir;

    private HousekeepingSettings settings(Map<String, String> extra) {
        Map<String, String> values = new java.util.HashMap<>(extra);
        values.put("runs.dir", dir.toString());
        return HousekeepingSettings.from(Settings.of(values));
    }

    private PassReport onePass(Instant now) throws Exception {
        try (OwnedRunsDirectory owned = OwnedRunsDirectory.open(settings(Map.of()))) {
            owned.recover();
            return owned.pass(now, true);
        }
    }

    @Test
    void archivesRunsOlderThanArchivalAge() throws Exception {
        Path old = TestRuns.write(dir, TestRuns.finishedDaysAgo("old", 31));
        byte[] original = Files.readAllBytes(old);
        Path recent = TestRuns.write(dir, TestRuns.finishedDaysAgo("recent", 29));

        PassReport report = onePass(NOW);

        assertThat(report.archived()).isEqualTo(1);
        assertThat(old).doesNotExist();
        assertThat(recent).exists();
        try (InputStream in = new GZIPInputStream(Files.newInputStream(dir.resolve("old.json.gz")))) {
            assertThat(in.readAllBytes()).isEqualTo(original);
        }
    }

    @Test
    void ageComesFromFinishedAtNotModificationTime() throws Exception {
        Path recent = TestRuns.write(dir, TestRuns.finishedDaysAgo("recent", 1));
        Files.setLastModifiedTime(recent, FileTime.from(NOW.minus(Duration.ofDays(400))));
        Path oldButTouched = TestRuns.write(dir, TestRuns.finishedDaysAgo("old", 40));

        onePass(NOW);

        assertThat(recent).exists();
        assertThat(oldButTouched).doesNotExist();
        assertThat(dir.resolve("old.json.gz")).exists();
    }

    @Test
    void runningRunIsNeverArchivedNorDeleted() throws Exception {
        Path running = TestRuns.write(dir, TestRuns.running("long", NOW.minus(Duration.ofDays(900))));

        PassReport report = onePass(NOW);

        assertThat(running).exists();
        assertThat(report.running()).isEqualTo(1);
        assertThat(UsageLedger.read(dir)).isEmpty();
    }

    @Test
    void retentionDeletesRunsAndArchives() throws Exception {
        TestRuns.write(dir, TestRuns.finishedDaysAgo("a", 100));
        TestRuns.write(dir, TestRuns.finishedDaysAgo("b", 181));
        onePass(NOW);
        assertThat(dir.resolve("a.json.gz")).exists();
        assertThat(dir.resolve("b.json")).doesNotExist();
        assertThat(dir.resolve("b.json.gz")).doesNotExist();

        PassReport later = onePass(NOW.plus(Duration.ofDays(81)));

        assertThat(later.deleted()).isEqualTo(1);
        assertThat(dir.resolve("a.json.gz")).doesNotExist();
        assertThat(UsageLedger.read(dir)).extracting(LedgerEntry::id)
                .containsExactlyInAnyOrder("a", "b");
    }

    @Test
    void usageIsRecordedBeforeDeletion() throws Exception {
        TestRuns.write(dir, TestRuns.finishedDaysAgo("gone", 500));

        onePass(NOW);

        assertThat(dir.resolve("gone.json")).doesNotExist();
        assertThat(UsageLedger.read(dir)).extracting(LedgerEntry::id).containsExactly("gone");
    }

    @Test
    void expiringRunsAreListed() throws Exception {
        TestRuns.write(dir, TestRuns.finishedDaysAgo("soon", 160));
        TestRuns.write(dir, TestRuns.finishedDaysAgo("later", 140));

        PassReport report = onePass(NOW);

        assertThat(report.expiring()).extracting(ExpiringRun::id).containsExactly("soon");
        assertThat(report.expiring().get(0).deletionDue())
                .isEqualTo(NOW.minus(Duration.ofDays(160)).plus(Duration.ofDays(180)));
        assertThat(report.expiring().get(0).file()).isEqualTo(dir.resolve("soon.json.gz"));
    }

    @Test
    void invalidFileIsQuarantinedAndKept() throws Exception {
        Path broken = dir.resolve("broken.json");
        Files.writeString(broken, "{\"schemaVersion\":9}");

        PassReport report = onePass(NOW);

        assertThat(report.quarantined()).containsOnlyKeys(broken);
        assertThat(report.quarantined().get(broken)).contains("not a known version");
        assertThat(broken).exists();
        assertThat(UsageLedger.read(dir)).isEmpty();
    }

    @Test
    void startRemovesTemporaryLeftovers() throws Exception {
        Path leftover = dir.resolve(".x.json.gz" + RunFileNames.TEMP_SUFFIX);
        Files.writeString(leftover, "half an archive");

        onePass(NOW);

        assertThat(leftover).doesNotExist();
    }

    @Test
    void damagedArchiveIsRebuiltFromSource() throws Exception {
        Path source = TestRuns.write(dir, TestRuns.finishedDaysAgo("r", 10));
        Path archive = dir.resolve("r.json.gz");
        Files.write(archive, new byte[] {0x1f, (byte) 0x8b, 8, 0, 1, 2});
        byte[] original = Files.readAllBytes(source);

        try (OwnedRunsDirectory owned = OwnedRunsDirectory.open(settings(Map.of()))) {
            assertThat(owned.recover()).isEqualTo(1);
        }

        assertThat(source).doesNotExist();
        try (InputStream in = new GZIPInputStream(Files.newInputStream(archive))) {
            assertThat(in.readAllBytes()).isEqualTo(original);
        }
        assertThat(UsageLedger.read(dir)).extracting(LedgerEntry::id).containsExactly("r");
    }

    @Test
    void damagedArchiveWithoutSourceIsQuarantined() throws Exception {
        Path archive = dir.resolve("lost.json.gz");
        Files.writeString(archive, "not gzip");

        PassReport report = onePass(NOW);

        assertThat(archive).exists();
        assertThat(report.quarantined()).containsKey(archive);
    }

    @Test
    void leftoverSourceIsRemovedOnce() throws Exception {
        Path source = TestRuns.write(dir, TestRuns.finishedDaysAgo("twice", 40));
        byte[] original = Files.readAllBytes(source);
        onePass(NOW);
        Files.write(source, original);

        PassReport report = onePass(NOW);

        assertThat(source).doesNotExist();
        assertThat(dir.resolve("twice.json.gz")).exists();
        assertThat(report.newlyRecorded()).isZero();
        assertThat(UsageLedger.read(dir)).hasSize(1);
    }

    @Test
    void secondOwnerIsRejected() throws Exception {
        try (OwnedRunsDirectory owned = OwnedRunsDirectory.open(settings(Map.of()))) {
            assertThatThrownBy(() -> OwnedRunsDirectory.open(settings(Map.of())))
                    .isInstanceOf(RunsDirectoryLockedException.class)
                    .hasMessageContaining("owned by another collector");
        }
        try (OwnedRunsDirectory again = OwnedRunsDirectory.open(settings(Map.of()))) {
            assertThat(again.directory()).isEqualTo(dir);
        }
    }

    @Test
    void disabledArchivalAndRetentionTouchNothing() throws Exception {
        Path old = TestRuns.write(dir, TestRuns.finishedDaysAgo("old", 1000));
        HousekeepingSettings off = settings(Map.of("archival.enabled", "false",
                "retention.enabled", "false"));
        try (OwnedRunsDirectory owned = OwnedRunsDirectory.open(off)) {
            owned.pass(NOW, true);
        }
        assertThat(old).exists();
        assertThat(UsageLedger.read(dir)).hasSize(1);
    }

    @Test
    void ledgerOnlyPassArchivesNothing() throws Exception {
        Path old = TestRuns.write(dir, TestRuns.finishedDaysAgo("old", 1000));
        try (OwnedRunsDirectory owned = OwnedRunsDirectory.open(settings(Map.of()))) {
            PassReport report = owned.pass(NOW, false);
            assertThat(report.newlyRecorded()).isEqualTo(1);
        }
        assertThat(old).exists();
    }
}
