package dev.hench.collector.budget;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * The output of {@code vm_stat} and {@code sysctl} that the macOS reader parses: run live on a
 * Mac, or saved as {@code ROOT/vm_stat.txt} and {@code ROOT/sysctl.txt} (tests, other machines).
 */
interface MacOutputs {

    /** The sysctl names the reader needs. */
    List<String> SYSCTL_NAMES = List.of("hw.memsize", "hw.pagesize",
            "kern.memorystatus_vm_pressure_level");

    /** Returns the lines of {@code vm_stat}, or empty when they cannot be had. */
    Optional<List<String>> vmStat() throws IOException;

    /** Returns {@code name: value} lines for {@link #SYSCTL_NAMES}, or empty. */
    Optional<List<String>> sysctl() throws IOException;

    /** Returns how a source is named in the output: a file path or a command. */
    String vmStatSource();

    String sysctlSource();

    /** Returns the reason used when {@code source} gave no output. */
    String missing(String source);

    /** Saved outputs under a root directory. */
    static MacOutputs saved(Path root) {
        MachineFiles files = new MachineFiles(root);
        return new MacOutputs() {
            @Override
            public Optional<List<String>> vmStat() throws IOException {
                return files.lines(MacBudgetReader.VM_STAT);
            }

            @Override
            public Optional<List<String>> sysctl() throws IOException {
                return files.lines(MacBudgetReader.SYSCTL);
            }

            @Override
            public String vmStatSource() {
                return MacBudgetReader.VM_STAT;
            }

            @Override
            public String sysctlSource() {
                return MacBudgetReader.SYSCTL;
            }

            @Override
            public String missing(String source) {
                return source + " not found under " + root;
            }
        };
    }

    /**
     * Runs {@code /usr/bin/vm_stat} and {@code /usr/sbin/sysctl NAMES} on this machine. A command
     * that cannot start, fails without output or runs over 5 s gives empty.
     */
    static MacOutputs live() {
        // NOTE: the tests run on Linux, so this path is only checked for the missing-tool case;
        // the parsing is tested against saved vm_stat and sysctl outputs of real Macs.
        return new MacOutputs() {
            @Override
            public Optional<List<String>> vmStat() throws IOException {
                return run(List.of("/usr/bin/vm_stat"));
            }

            @Override
            public Optional<List<String>> sysctl() throws IOException {
                List<String> command = new ArrayList<>(List.of("/usr/sbin/sysctl"));
                command.addAll(SYSCTL_NAMES);
                return run(command);
            }

            @Override
            public String vmStatSource() {
                return "vm_stat";
            }

            @Override
            public String sysctlSource() {
                return "sysctl";
            }

            @Override
            public String missing(String source) {
                return source + " could not be run, printed nothing or took over 5 s";
            }
        };
    }

    private static Optional<List<String>> run(List<String> command) throws IOException {
        Process process;
        try {
            process = new ProcessBuilder(command).redirectErrorStream(false).start();
        } catch (IOException e) {
            // Not a Mac, or the tool is missing: the caller reports the source as not found.
            return Optional.empty();
        }
        process.getOutputStream().close();
        String output;
        try (InputStream in = process.getInputStream()) {
            output = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        try {
            if (!process.waitFor(5, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                return Optional.empty();
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
        // sysctl exits non-zero when one name is unknown but still prints the others.
        return output.isBlank() ? Optional.empty() : Optional.of(output.lines().toList());
    }
}
