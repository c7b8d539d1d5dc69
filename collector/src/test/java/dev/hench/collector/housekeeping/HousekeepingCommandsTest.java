package dev.hench.collector.housekeeping;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.hench.collector.cli.CollectorMain;
import dev.hench.collector.config.Settings;
import dev.hench.sample.workload.RunsWorkload;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class HousekeepingCommandsTest {

    private static final String NOW = TestRuns.NOW.toString();

    @TempDir
    Path dir;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int execute(String... args) {
        CommandLine commandLine = CollectorMain.newCommandLine();
        commandLine.setOut(new PrintWriter(out));
        commandLine.setErr(new PrintWriter(err));
        return commandLine.execute(args);
    }

    @Test
    void onceArchivesWorkloadRunsAgedByClock() throws Exception {
        Clock fortyDaysAgo = Clock.fixed(TestRuns.NOW.minus(Duration.ofDays(40)), ZoneOffset.UTC);
        new RunsWorkload(dir, fortyDaysAgo, "w1").performRun("r1", 3, 500);
        new RunsWorkload(dir, Clock.fixed(TestRuns.NOW, ZoneOffset.UTC), "w1")
                .performRun("r2", 3, 500);

        int exit = execute("housekeeping", "--runs", dir.toString(), "--once", "--now", NOW);

        assertThat(exit).as(err.toString()).isZero();
        assertThat(out.toString()).contains("archived=1");
        assertThat(dir.resolve("r1.json.gz")).exists();
        assertThat(dir.resolve("r2.json")).exists();
    }

    @Test
    void duplicateRunIdIsCounted() throws Exception {
        Clock today = Clock.fixed(TestRuns.NOW, ZoneOffset.UTC);
        new RunsWorkload(dir, today, "w1").performRun("same", 2, 100);
        Files.copy(dir.resolve("same.json"), dir.resolve("same-copy.json"));

        int exit = execute("housekeeping", "--runs", dir.toString(), "--once", "--now", NOW);

        assertThat(exit).as(err.toString()).isZero();
        assertThat(out.toString()).contains("newlyRecorded=1");
        assertThat(out.toString()).contains("duplicateIds=1");
    }

    @Test
    void usageJsonHasLifetimeAndGroups() throws Exception {
        TestRuns.write(dir, TestRuns.finishedDaysAgo("a", 3));
        execute("housekeeping", "--runs", dir.toString(), "--once", "--now", NOW);
        out.getBuffer().setLength(0);

        assertThat(execute("usage", "--runs", dir.toString(), "--json")).isZero();

        JsonNode json = new ObjectMapper().readTree(out.toString());
        assertThat(json.at("/lifetime/runs").asLong()).isEqualTo(1);
        assertThat(json.at("/lifetime/input").asLong()).isEqualTo(1_000);
        assertThat(json.at("/byModel/model-small/cacheReadInput").asLong()).isEqualTo(400);
        assertThat(json.at("/byWorker/worker-1/runs").asLong()).isEqualTo(1);
        assertThat(json.path("byDay").fieldNames().next()).isEqualTo("2026-06-12");
    }

    @Test
    void expiringListsRunsInWarningWindow() throws Exception {
        TestRuns.write(dir, TestRuns.finishedDaysAgo("soon", 170));
        TestRuns.write(dir, TestRuns.finishedDaysAgo("later", 100));

        assertThat(execute("runs", "--runs", dir.toString(), "--expiring", "--json",
                "--now", NOW)).isZero();

        JsonNode json = new ObjectMapper().readTree(out.toString());
        assertThat(json).hasSize(1);
        assertThat(json.get(0).get("id").asText()).isEqualTo("soon");
        assertThat(json.get(0).get("deletionDue").asText())
                .isEqualTo(TestRuns.NOW.plus(Duration.ofDays(10)).toString());
    }

    @Test
    void quarantinedListsInvalidFiles() throws Exception {
        Files.writeString(dir.resolve("bad.json"), "{");
        assertThat(execute("runs", "--runs", dir.toString(), "--quarantined")).isZero();
        assertThat(out.toString()).contains("bad.json").contains("malformed JSON");
    }

    @Test
    void expiringJsonIsAloneOnStandardOutput() throws Exception {
        TestRuns.write(dir, TestRuns.finishedDaysAgo("soon", 170));
        Files.writeString(dir.resolve("bad.json"), "{");
        ByteArrayOutputStream standardOutput = new ByteArrayOutputStream();
        PrintStream original = System.out;
        int exit;
        System.setOut(new PrintStream(standardOutput, true, StandardCharsets.UTF_8));
        try {
            // As in the jar: the command's output and the console log share standard output.
            CommandLine commandLine = CollectorMain.newCommandLine();
            commandLine.setOut(new PrintWriter(System.out, true));
            exit = commandLine.execute("runs", "--runs", dir.toString(), "--expiring", "--json",
                    "--now", NOW);
        } finally {
            System.setOut(original);
        }

        assertThat(exit).isZero();
        JsonNode json = new ObjectMapper().readTree(standardOutput.toString(StandardCharsets.UTF_8));
        assertThat(json).hasSize(1);
        assertThat(json.get(0).get("id").asText()).isEqualTo("soon");
    }

    @Test
    void invalidSettingsExitWithAllProblems() {
        int exit = execute("housekeeping", "--runs", dir.toString(), "--once",
                "--set", "archival.maxAgeDays=500", "--set", "retention.warningDays=x");
        assertThat(exit).isEqualTo(HousekeepingCommand.EXIT_INVALID_SETTINGS);
        assertThat(err.toString()).contains("archival.maxAgeDays was '500'")
                .contains("retention.warningDays was 'x'");
    }

    @Test
    void missingRunsDirectoryIsInvalid() {
        String missing = dir.resolve("missing").toString();
        String[][] commands = {
            {"usage", "--runs", missing},
            {"runs", "--runs", missing, "--expiring"},
            {"housekeeping", "--runs", missing, "--once"},
        };
        for (String[] command : commands) {
            err.getBuffer().setLength(0);
            out.getBuffer().setLength(0);

            int exit = execute(command);

            assertThat(exit).as(command[0]).isEqualTo(HousekeepingCommand.EXIT_INVALID_SETTINGS);
            assertThat(err.toString()).as(command[0])
                    .contains("'" + missing + "'").contains("must be an existing directory");
            assertThat(out.toString()).as(command[0]).isEmpty();
        }
    }

    @Test
    void nowWithoutOnceIsRejected() {
        int exit = execute("housekeeping", "--runs", dir.toString(), "--now", NOW);
        assertThat(exit).isEqualTo(HousekeepingCommand.EXIT_INVALID_SETTINGS);
        assertThat(err.toString()).contains("--now needs --once");
    }

    @Test
    void ownedDirectoryExitsWithLockedCode() throws Exception {
        HousekeepingSettings settings = HousekeepingSettings.from(
                Settings.of(Map.of("runs.dir", dir.toString())));
        try (OwnedRunsDirectory owned = OwnedRunsDirectory.open(settings)) {
            int exit = execute("housekeeping", "--runs", dir.toString(), "--once");
            assertThat(exit).isEqualTo(HousekeepingCommand.EXIT_LOCKED);
            assertThat(err.toString()).contains("owned by another collector");
        }
    }

    @Test
    void failedArchivalKeepsSourceAndExitsOne() throws Exception {
        Path source = TestRuns.write(dir, TestRuns.finishedDaysAgo("stuck", 40));
        Path blockingTemp = dir.resolve(".stuck.json.gz" + RunFileNames.TEMP_SUFFIX);
        Files.createDirectories(blockingTemp.resolve("occupied"));
        HousekeepingSettings settings = HousekeepingSettings.from(
                Settings.of(Map.of("runs.dir", dir.toString())));

        PassReport report;
        try (OwnedRunsDirectory owned = OwnedRunsDirectory.open(settings)) {
            report = owned.pass(TestRuns.NOW, true);
        }

        assertThat(report.failures()).isEqualTo(1);
        assertThat(source).exists();
        assertThat(dir.resolve("stuck.json.gz")).doesNotExist();
        assertThat(UsageLedger.read(dir)).extracting(LedgerEntry::id).containsExactly("stuck");
    }
}
