package dev.hench.collector.cli;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The collector jar run as a real process by the integration tests, with its socket, log and JFR
 * file inside one test directory and an ephemeral HTTP port.
 */
final class CollectorProcess implements AutoCloseable {

    private static final Pattern HTTP_PORT = Pattern.compile("http listening on http://([0-9.]+:[0-9]+)");

    private final Process process;
    private final Path dir;
    private final Path socket;

    private CollectorProcess(Process process, Path dir, Path socket) {
        this.process = process;
        this.dir = dir;
        this.socket = socket;
    }

    static Path jar() {
        return Path.of(System.getProperty("hench.collector.jar", "target/hench-collector.jar"));
    }

    static Path javaBinary() {
        return Path.of(System.getProperty("java.home"), "bin", "java");
    }

    /** Runs {@code collector run} with the given extra arguments and returns the finished process. */
    static Process runToEnd(Path dir, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(javaBinary().toString(), "-jar", jar().toString(), "run"));
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).directory(dir.toFile())
                .redirectOutput(dir.resolve("stdout.txt").toFile())
                .redirectError(dir.resolve("stderr.txt").toFile())
                .start();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("collector did not exit within 30 s");
        }
        return process;
    }

    /** Starts the collector and waits until it logs that it has started. */
    static CollectorProcess start(Path dir, String... extraArgs) throws IOException {
        return startOn(dir, dir.resolve("sock").resolve("collector.sock"), extraArgs);
    }

    /** Starts the collector on {@code socket}, for example the socket of a collector that was killed. */
    static CollectorProcess startOn(Path dir, Path socket, String... extraArgs) throws IOException {
        Files.createDirectories(dir);
        List<String> command = new ArrayList<>(List.of(javaBinary().toString(), "-Xmx128m", "-jar",
                jar().toString(), "run", "--listen", "unix:" + socket, "--http", "127.0.0.1:0",
                "--jfr", dir.resolve("collector.jfr").toString(), "--log", dir.resolve("collector.log").toString()));
        command.addAll(List.of(extraArgs));
        Process process = new ProcessBuilder(command).directory(dir.toFile())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(dir.resolve("stdout.txt").toFile()))
                .start();
        CollectorProcess started = new CollectorProcess(process, dir, socket);
        await().atMost(Duration.ofSeconds(30)).until(() -> started.log().contains("collector started")
                || !process.isAlive());
        if (!process.isAlive()) {
            throw new AssertionError("collector exited with " + process.exitValue() + ":\n" + started.log());
        }
        return started;
    }

    Path socket() {
        return socket;
    }

    Path jfrFile() {
        return dir.resolve("collector.jfr");
    }

    Process process() {
        return process;
    }

    String log() {
        Path file = dir.resolve("collector.log");
        try {
            return Files.exists(file) ? Files.readString(file) : "";
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Returns the latest bound HTTP address in the log, {@code HOST:PORT}. */
    String httpAddress() {
        Matcher matcher = HTTP_PORT.matcher(log());
        String last = null;
        while (matcher.find()) {
            last = matcher.group(1);
        }
        return last;
    }

    String get(String path) throws IOException, InterruptedException {
        HttpResponse<String> response = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create("http://" + httpAddress() + path)).build(),
                HttpResponse.BodyHandlers.ofString());
        return response.body();
    }

    /** Sends SIGTERM and waits for the exit code. */
    int stop() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("collector did not stop within 30 s of SIGTERM");
        }
        return process.exitValue();
    }

    /** Sends SIGKILL and waits until the process is gone. */
    void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor(30, TimeUnit.SECONDS);
    }

    @Override
    public void close() throws InterruptedException {
        if (process.isAlive()) {
            kill();
        }
    }
}
