package dev.hench.collector.replay;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ShippedCorpusTest {

    private static final Path SHIPPED_SOURCE =
            Path.of("src/main/resources/dev/hench/collector/replay/corpus");

    @Test
    void shippedFilesEqualGeneratorOutput(@TempDir Path temp) throws IOException {
        CorpusGenerator generator = CorpusGenerator.standard();
        if (Boolean.getBoolean("hench.corpus.regenerate")) {
            generator.writeTo(SHIPPED_SOURCE);
        }
        generator.writeTo(temp);
        for (String file : generator.simulations().keySet()) {
            assertThat(shipped(file)).as(file).isEqualTo(Files.readAllBytes(temp.resolve(file)));
        }
        assertThat(shipped(Corpus.MANIFEST))
                .isEqualTo(Files.readAllBytes(temp.resolve(Corpus.MANIFEST)));
    }

    @Test
    void shippedCorpusStaysSmall() throws IOException {
        long total = 0;
        for (Map.Entry<String, WorkerSimulation> entry
                : CorpusGenerator.standard().simulations().entrySet()) {
            total += shipped(entry.getKey()).length;
        }
        assertThat(total).isLessThan(5L << 20);
    }

    private static byte[] shipped(String name) throws IOException {
        try (InputStream in = Corpus.class.getResourceAsStream(Corpus.SHIPPED + name)) {
            assertThat(in).as("shipped resource " + name).isNotNull();
            return in.readAllBytes();
        }
    }
}
