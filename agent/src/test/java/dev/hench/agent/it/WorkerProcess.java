package dev.hench.agent.it;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Starts a test worker main class in a new JVM with the built agent jar as {@code -javaagent}, and
 * collects its exit code and output.
 */
final class WorkerProcess {

    static final long TIMEOUT_SECONDS = 60;

    private final List<String> command = new ArrayList<>();
    private final Path outputDir;
    private Process process;

    private WorkerProcess(String javaHome, Path outputDir) {
        this.outputDir = outputDir;
        command.add(Path.of(javaHome, "bin", "java").toString());
    }

    /** A worker on the JDK that runs the tests. */
    static WorkerProcess onCurrentJdk(Path outputDir) {
        return new WorkerProcess(System.getProperty("java.home"), outputDir);
    }

    /** A worker on JDK 25; skips the test when {@code hench.jdk25.home} has no java. */
    static WorkerProcess onJdk25(Path outputDir) {
        String home = System.getProperty("hench.jdk25.home", "");
        assumeTrue(!home.isEmpty() && Files.isExecutable(Path.of(home, "bin", "java")),
                "JDK 25 not found at hench.jdk25.home='" + home + "'");
        return new WorkerProcess(home, outputDir);
    }

    static Path agentJar() {
        String jar = System.getProperty("hench.agent.jar");
        if (jar == null || !Files.isRegularFile(Path.of(jar))) {
            throw new IllegalStateException("hench.agent.jar does not name the built agent jar: " + jar
                    + "; run the integration tests through Maven's verify phase");
        }
        return Path.of(jar);
    }

    /** Returns the test classes directory, where the worker main classes are. */
    static Path testClasses() {
        return Path.of("target", "test-classes").toAbsolutePath();
    }

    WorkerProcess agent(String options) {
        command.add("-javaagent:" + agentJar() + (options.isEmpty() ? "" : "=" + options));
        return this;
    }

    WorkerProcess jvmOption(String option) {
        command.add(option);
        return this;
    }

    /** Starts {@code mainClass} with the test classes plus {@code extraClassPath} on the class path. */
    WorkerProcess start(Class<?> mainClass, List<Path> extraClassPath, String... args) throws IOException {
        List<String> classPath = new ArrayList<>();
        classPath.add(testClasses().toString());
        extraClassPath.forEach(path -> classPath.add(path.toString()));
        command.add("-Xmx256m");
        command.add("-cp");
        command.add(String.join(java.io.File.pathSeparator, classPath));
        command.add(mainClass.getName());
        command.addAll(List.of(args));
        Files.createDirectories(outputDir);
        process = new ProcessBuilder(command)
                .redirectOutput(outputDir.resolve("stdout.txt").toFile())
                .redirectError(outputDir.resolve("stderr.txt").toFile())
                .start();
        return this;
    }

    WorkerProcess start(Class<?> mainClass, String... args) throws IOException {
        return start(mainClass, List.of(), args);
    }

    long pid() {
        return process.pid();
    }

    /** Waits for the worker to exit on its own and returns its exit code; kills it after the timeout. */
    int waitForExit() throws InterruptedException {
        if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("worker did not exit within " + TIMEOUT_SECONDS + " s: " + command);
        }
        return process.exitValue();
    }

    String stdout() throws IOException {
        return Files.readString(outputDir.resolve("stdout.txt"));
    }

    String stderr() throws IOException {
        return Files.readString(outputDir.resolve("stderr.txt"));
    }

    List<String> stderrAgentLines() throws IOException {
        List<String> lines = new ArrayList<>();
        for (String line : stderr().split("\n")) {
            if (line.startsWith("[hench-agent]")) {
                lines.add(line);
            }
        }
        return lines;
    }
}
