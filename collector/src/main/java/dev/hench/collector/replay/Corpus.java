package dev.hench.collector.replay;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;

/**
 * A labelled corpus: {@code corpus.json} listing the scenarios, next to their trace files. The
 * corpus that ships with the collector lives in its resources under {@link #SHIPPED}.
 */
public final class Corpus {

    static final String SHIPPED = "/dev/hench/collector/replay/corpus/";
    static final String MANIFEST = "corpus.json";

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Path directory;
    private final List<Scenario> scenarios;

    private Corpus(Path directory, List<Scenario> scenarios) {
        this.directory = directory;
        this.scenarios = List.copyOf(scenarios);
    }

    /** Reads {@code corpus.json} in {@code directory}. */
    public static Corpus open(Path directory) throws IOException {
        Path manifest = directory.resolve(MANIFEST);
        if (!Files.isRegularFile(manifest)) {
            throw new NoSuchFileException(manifest.toString(), null, "a corpus directory needs "
                    + "a corpus.json that lists its scenarios");
        }
        try (InputStream in = Files.newInputStream(manifest)) {
            return new Corpus(directory, JSON.readValue(in, Manifest.class).scenarios());
        }
    }

    /** Reads the corpus shipped in the collector's resources. */
    public static Corpus shipped() throws IOException {
        try (InputStream in = resource(MANIFEST)) {
            return new Corpus(null, JSON.readValue(in, Manifest.class).scenarios());
        }
    }

    public List<Scenario> scenarios() {
        return scenarios;
    }

    /** Reads the trace of {@code scenario}. */
    public Trace trace(Scenario scenario) throws IOException {
        if (directory != null) {
            return TraceFiles.read(directory.resolve(scenario.file()));
        }
        try (InputStream in = resource(scenario.file())) {
            return TraceFiles.read(scenario.file(), in);
        }
    }

    private static InputStream resource(String name) throws IOException {
        InputStream in = Corpus.class.getResourceAsStream(SHIPPED + name);
        if (in == null) {
            throw new NoSuchFileException(SHIPPED + name, null, "missing from the collector jar");
        }
        return in;
    }

    /** The content of corpus.json. */
    record Manifest(List<Scenario> scenarios) {
    }
}
