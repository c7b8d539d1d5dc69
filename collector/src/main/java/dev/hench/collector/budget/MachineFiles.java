package dev.hench.collector.budget;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * The files of one machine, seen under a root directory: {@code /} on a live system, a fixture
 * tree in tests. Paths are given as the machine names them ({@code /proc/meminfo}) and resolved
 * under the root.
 */
final class MachineFiles {

    private final Path root;

    MachineFiles(Path root) {
        this.root = root;
    }

    Path root() {
        return root;
    }

    Path resolve(String machinePath) {
        String relative = machinePath.startsWith("/") ? machinePath.substring(1) : machinePath;
        return relative.isEmpty() ? root : root.resolve(relative);
    }

    boolean exists(String machinePath) {
        return Files.exists(resolve(machinePath));
    }

    /** Returns the lines of the file, or empty when it does not exist. */
    Optional<List<String>> lines(String machinePath) throws IOException {
        try {
            return Optional.of(Files.readAllLines(resolve(machinePath), StandardCharsets.UTF_8));
        } catch (NoSuchFileException e) {
            return Optional.empty();
        }
    }

    /** Returns the trimmed first line of the file, or empty when it does not exist. */
    Optional<String> firstLine(String machinePath) throws IOException {
        return lines(machinePath).map(all -> all.isEmpty() ? "" : all.get(0).trim());
    }
}
