package dev.hench.collector.replay;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hench.collector.leak.HostMemory;
import dev.hench.collector.leak.LeakSettings;
import dev.hench.collector.leak.RobustLeakDetector;
import dev.hench.collector.signal.Observation;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code collector replay FILE...}: runs recorded traces through the leak detector. */
@Command(name = "replay", mixinStandardHelpOptions = true,
        description = "Replays traces (CSV, or JSON Lines recorded with 'run --record') through "
                + "the leak detector as fast as the CPU allows, and prints the alert timeline "
                + "and the final verdict of every signal.")
public final class ReplayCommand implements Callable<Integer> {

    @Parameters(arity = "1..*", paramLabel = "FILE",
            description = "Trace files: *.csv or *.jsonl, optionally gzip-compressed (*.gz).")
    private List<Path> files;

    @Option(names = "--json", description = "Print JSON instead of text.")
    private boolean json;

    @Option(names = "--heap-max", paramLabel = "SIZE", converter = ByteSizeConverter.class,
            description = "Heap maximum for observations that carry none, e.g. 2g.")
    private Long heapMaxBytes;

    @Option(names = "--memory-limit", paramLabel = "SIZE", converter = ByteSizeConverter.class,
            description = "Effective memory limit for RSS and native memory, e.g. 8g; "
                    + "default: this host's total memory.")
    private Long memoryLimitBytes;

    @Option(names = "--metaspace-max", paramLabel = "SIZE", converter = ByteSizeConverter.class,
            description = "Metaspace maximum for observations that carry none, e.g. 256m.")
    private Long metaspaceMaxBytes;

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        ReplayLimits limits = new ReplayLimits(orAbsent(heapMaxBytes),
                memoryLimitBytes != null ? memoryLimitBytes : HostMemory.totalBytes(),
                orAbsent(metaspaceMaxBytes));
        ObjectNode root = JsonNodeFactory.instance.objectNode();
        var traces = root.putArray("traces");
        for (Path file : files) {
            Trace trace = readOrReport(file, err);
            if (trace == null) {
                return 2;
            }
            trace.warnings().forEach(warning -> err.println("warning: " + warning));
            RobustLeakDetector detector = new RobustLeakDetector(LeakSettings.defaults(),
                    worker -> limits.memoryLimitBytes());
            ReplayResult result = Replayer.replay(trace, detector, limits);
            if (json) {
                traces.add(ReplayOutput.json(result));
            } else {
                ReplayOutput.printText(result, out);
            }
        }
        if (json) {
            out.println(ReplayOutput.toJson(root));
        }
        out.flush();
        return 0;
    }

    private static Trace readOrReport(Path file, PrintWriter err) throws IOException {
        try {
            return TraceFiles.read(file);
        } catch (TraceFormatException e) {
            err.println("error: " + e.getMessage());
            return null;
        } catch (java.nio.file.NoSuchFileException e) {
            err.println("error: trace file not found: " + file);
            return null;
        }
    }

    private static long orAbsent(Long value) {
        return value == null ? Observation.ABSENT : value;
    }
}
