package dev.hench.collector.jfr;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import jdk.jfr.Event;
import jdk.jfr.FlightRecorder;
import jdk.jfr.Recording;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The JFR recording of the collector's own {@code hench.*} events, kept in memory and on the
 * recorder's disk repository and written to one file: at start, within
 * {@link JfrSettings#dumpInterval()} of each {@link #markChanged()}, and at {@link #close()}.
 * Each write goes to a temporary file in the same directory first and then replaces the file in
 * one atomic move, so a reader never sees half a recording.
 */
public final class CollectorRecording implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(CollectorRecording.class);

    private final Path file;
    private final Recording recording;
    private final AtomicBoolean changed = new AtomicBoolean();
    private final ScheduledExecutorService dumper = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "hench-jfr-dump");
        thread.setDaemon(true);
        return thread;
    });

    private CollectorRecording(Path file, Recording recording) {
        this.file = file;
        this.recording = recording;
    }

    /**
     * Starts the recording and writes the file once.
     *
     * @throws IllegalStateException when this JVM has no Flight Recorder
     * @throws IOException when the file cannot be written
     */
    @SafeVarargs
    public static CollectorRecording start(JfrSettings settings, Class<? extends Event>... extraEvents)
            throws IOException {
        if (!FlightRecorder.isAvailable()) {
            throw new IllegalStateException("JFR is not available in this JVM; run the collector on a JDK "
                    + "with Flight Recorder, or it cannot keep " + settings.file());
        }
        Recording recording = new Recording();
        recording.setName("hench-collector");
        recording.setToDisk(true);
        recording.setMaxAge(settings.maxAge());
        recording.enable(LeakSuspectedEvent.class);
        recording.enable(AlertUpdatedEvent.class);
        recording.enable(AlertResolvedEvent.class);
        for (Class<? extends Event> event : extraEvents) {
            recording.enable(event);
        }
        recording.start();
        CollectorRecording started = new CollectorRecording(settings.file().toAbsolutePath(), recording);
        started.dump();
        long intervalMillis = settings.dumpInterval().toMillis();
        started.dumper.scheduleWithFixedDelay(started::dumpIfChanged, intervalMillis, intervalMillis,
                TimeUnit.MILLISECONDS);
        log.info("jfr recording started file={} dumpInterval={}s", started.file,
                settings.dumpInterval().toSeconds());
        return started;
    }

    public Path file() {
        return file;
    }

    /** Notes that events were committed, so the next scheduled write happens. */
    public void markChanged() {
        changed.set(true);
    }

    private void dumpIfChanged() {
        if (!changed.getAndSet(false)) {
            return;
        }
        try {
            dump();
        } catch (IOException | RuntimeException e) {
            changed.set(true);
            log.error("writing the jfr file failed file={}; retrying at the next interval", file, e);
        }
    }

    /** Writes the recording to the file now, through a temporary file and an atomic move. */
    public synchronized void dump() throws IOException {
        Path dir = file.getParent();
        Files.createDirectories(dir);
        Path temporary = Files.createTempFile(dir, file.getFileName().toString(), ".tmp");
        try {
            recording.dump(temporary);
            Files.move(temporary, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } finally {
            Files.deleteIfExists(temporary);
        }
    }

    /** Writes the file a last time and stops the recording. */
    @Override
    public void close() {
        dumper.shutdownNow();
        try {
            dump();
            log.info("jfr recording written file={}", file);
        } catch (IOException | RuntimeException e) {
            log.error("writing the jfr file at shutdown failed file={}", file, e);
        } finally {
            recording.close();
        }
    }

    /** Returns how long events stay in the recording by default. */
    static Duration defaultMaxAge() {
        return Duration.ofDays(7);
    }
}
