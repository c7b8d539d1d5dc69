package dev.hench.collector.admission;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.hench.collector.cli.CollectorMain;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URISyntaxException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class BudgetCommandTest {

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        CommandLine command = CollectorMain.newCommandLine();
        command.setOut(new PrintWriter(out, true));
        command.setErr(new PrintWriter(err, true));
        return command.execute(args);
    }

    private static String caseRoot(String name) throws URISyntaxException {
        return Path.of(BudgetCommandTest.class.getResource("/budget/cases/" + name + "/root")
                .toURI()).toString();
    }

    @Test
    void jsonCarriesRequiredFields() throws Exception {
        int exit = run("budget", "--root", caseRoot("linux-cgv2-nested-parent-limit"),
                "--os", "linux", "--json");

        JsonNode json = new ObjectMapper().readTree(out.toString());
        assertThat(exit).isZero();
        assertThat(json.get("os").asText()).isEqualTo("linux");
        assertThat(json.get("cgroupVersion").asText()).isEqualTo("v2");
        assertThat(json.get("cgroupDir").asText()).isEqualTo("/sys/fs/cgroup/test/test");
        assertThat(json.get("limitBytes").asLong()).isEqualTo(52428800L);
        assertThat(json.get("limitingCgroupDir").asText()).isEqualTo("/sys/fs/cgroup/test");
        assertThat(json.get("workingSetBytes").asLong()).isEqualTo(41943040L);
        assertThat(json.get("availableBytes").asLong()).isEqualTo(10485760L);
        assertThat(json.get("hostTotalBytes").asLong()).isEqualTo(17179869184L);
        assertThat(json.get("level").asText()).isEqualTo("DELAY");
        assertThat(json.get("reasons")).isNotEmpty();
        assertThat(json.at("/sources/limitBytes").asText())
                .isEqualTo("/sys/fs/cgroup/test/memory.max");
    }

    @Test
    void unlimitedJsonHasNullLimit() throws Exception {
        run("budget", "--root", caseRoot("meminfo-kernel-doc-modern"), "--os", "linux", "--json");

        JsonNode json = new ObjectMapper().readTree(out.toString());
        assertThat(json.get("limitBytes").isNull()).isTrue();
        assertThat(json.get("limitingCgroupDir").isNull()).isTrue();
        assertThat(json.at("/sources/availableBytes").asText())
                .isEqualTo("/proc/meminfo:MemAvailable");
    }

    @Test
    void macosTextNamesSources() throws Exception {
        int exit = run("budget", "--root", caseRoot("macos-intel-4k-critical"), "--os", "macos");

        assertThat(exit).isZero();
        assertThat(out.toString()).contains("host total   16.0 GiB = 17179869184 B   "
                + "(/sysctl.txt:hw.memsize)");
        assertThat(out.toString()).contains("level        REFUSE");
        assertThat(out.toString()).contains("macOS memory pressure is critical");
    }

    @Test
    void missingRootIsUsageError() {
        int exit = run("budget", "--root", "/nonexistent/hench-root");

        assertThat(exit).isEqualTo(2);
        assertThat(err.toString()).contains("--root '/nonexistent/hench-root' is not a directory");
    }

    @Test
    void unknownOsIsUsageError() {
        int exit = run("budget", "--os", "plan9");

        assertThat(exit).isEqualTo(2);
        assertThat(err.toString()).contains("--os was 'plan9' but must be linux, macos or other");
    }
}
