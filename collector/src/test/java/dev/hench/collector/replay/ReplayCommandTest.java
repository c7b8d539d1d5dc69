package dev.hench.collector.replay;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hench.collector.cli.CollectorMain;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class ReplayCommandTest {

    @Test
    void printsTimelineAndVerdictsOfShippedFastLeak(@TempDir Path temp) throws IOException {
        Path trace = copyShipped("fast-leak.csv.gz", temp);
        StringWriter out = new StringWriter();
        int exit = execute(out, new StringWriter(), "replay", "--memory-limit", "8g",
                trace.toString());
        assertThat(exit).isZero();
        assertThat(out.toString()).contains("raised").contains("heap").contains("critical")
                .contains("time to limit").contains("verdicts at the end");
    }

    @Test
    void jsonNamesSignalAndLevelOfEveryVerdict(@TempDir Path temp) throws IOException {
        Path trace = copyShipped("classloader-leak.csv.gz", temp);
        StringWriter out = new StringWriter();
        execute(out, new StringWriter(), "replay", "--json", "--memory-limit", "8g",
                trace.toString());
        assertThat(out.toString()).contains("\"signal\" : \"metaspace\"")
                .contains("\"level\" : \"warning\"").contains("\"source\" : \"direct\"");
    }

    @Test
    void badTraceExitsWithClearError(@TempDir Path temp) throws IOException {
        Path trace = temp.resolve("bad.csv");
        Files.writeString(trace, "t_seconds,rss_bytes\n1,lots\n");
        StringWriter err = new StringWriter();
        int exit = execute(new StringWriter(), err, "replay", trace.toString());
        assertThat(exit).isEqualTo(2);
        assertThat(err.toString()).contains("line 2").contains("rss_bytes").contains("'lots'");
    }

    private static int execute(StringWriter out, StringWriter err, String... args) {
        CommandLine command = CollectorMain.newCommandLine();
        command.setOut(new PrintWriter(out));
        command.setErr(new PrintWriter(err));
        return command.execute(args);
    }

    private static Path copyShipped(String name, Path directory) throws IOException {
        Path target = directory.resolve(name);
        try (InputStream in = Corpus.class.getResourceAsStream(Corpus.SHIPPED + name)) {
            Files.copy(in, target);
        }
        return target;
    }
}
