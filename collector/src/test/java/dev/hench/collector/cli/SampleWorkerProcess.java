package dev.hench.collector.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** A sample worker JVM started with the built agent jar, as the end-to-end tests need it. */
final class SampleWorkerProcess implements AutoCloseable {

    private final Process process;

    private SampleWorkerProcess(Process process) {
        this.process = process;
    }

    /**
     * Starts {@code java -javaagent:AGENT=collector=unix:SOCKET,worker=ID,OPTIONS -jar SAMPLE ARGS}
     * with a 128 MiB heap and its output in {@code DIR/worker-ID.out}.
     */
    static SampleWorkerProcess start(Path dir, Path socket, String workerId, String agentOptions,
            String... workloadArgs) throws IOException {
        return startWithHeap(dir, socket, workerId, "128m", agentOptions, workloadArgs);
    }

    /** Starts a worker like {@link #start} but with {@code -Xmx} set to {@code heapMax}, for example 512m. */
    static SampleWorkerProcess startWithHeap(Path dir, Path socket, String workerId, String heapMax,
            String agentOptions, String... workloadArgs) throws IOException {
        Path agentJar = Path.of(System.getProperty("hench.agent.jar", "../agent/target/hench-agent.jar"));
        Path sampleJar = Path.of(System.getProperty("hench.sample.jar", "../sample-app/target/hench-sample-app.jar"));
        String options = "collector=unix:" + socket + ",worker=" + workerId
                + (agentOptions.isEmpty() ? "" : "," + agentOptions);
        List<String> command = new ArrayList<>(List.of(CollectorProcess.javaBinary().toString(), "-Xms32m",
                "-Xmx" + heapMax, "-XX:+UseG1GC", "-javaagent:" + agentJar + "=" + options, "-jar",
                sampleJar.toString()));
        command.addAll(List.of(workloadArgs));
        Process process = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(dir.resolve("worker-" + workerId + ".out").toFile()).start();
        return new SampleWorkerProcess(process);
    }

    /** Waits for the worker to exit on its own; returns false when it is still running. */
    boolean awaitExit(long timeoutSeconds) throws InterruptedException {
        return process.waitFor(timeoutSeconds, TimeUnit.SECONDS);
    }

    int exitValue() {
        return process.exitValue();
    }

    @Override
    public void close() throws InterruptedException {
        if (process.isAlive()) {
            process.destroyForcibly();
            process.waitFor(30, TimeUnit.SECONDS);
        }
    }
}
