package dev.hench.agent.jfr;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import jdk.jfr.EventSettings;
import jdk.jfr.Recording;
import jdk.jfr.consumer.RecordedClass;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordedObject;
import jdk.jfr.consumer.RecordedStackTrace;
import jdk.jfr.consumer.RecordingFile;

/**
 * Detail mode: records {@code jdk.OldObjectSample} with stack traces for a bounded time in a
 * separate {@link Recording}, then groups the samples that are still alive by class and
 * allocation stack. JFR writes old-object samples only when a recording stops, which is why this
 * uses a stopped and dumped {@code Recording} rather than the agent's stream.
 *
 * <p>The cutoff for the search of paths to GC roots is 0, so stopping costs no root walk; the
 * report names classes and allocation stacks, not referrer chains.
 */
final class OldObjectSampler {

    static final String OLD_OBJECT_SAMPLE = "jdk.OldObjectSample";
    static final int MAX_ENTRIES = 10;

    private final String requestId;
    private final long durationSeconds;
    private final int stackDepth;

    OldObjectSampler(String requestId, long durationSeconds, int stackDepth) {
        this.requestId = requestId;
        this.durationSeconds = durationSeconds;
        this.stackDepth = stackDepth;
    }

    /** Applies detail mode's settings: stack traces on, and no search for paths to GC roots. */
    static void configure(EventSettings settings) {
        settings.withStackTrace().with("cutoff", "0 ns");
    }

    SuspectsReport run() {
        Path dump = null;
        try (Recording recording = new Recording()) {
            recording.setName("hench-detail-" + requestId);
            configure(recording.enable(OLD_OBJECT_SAMPLE));
            recording.setToDisk(true);
            recording.start();
            sleepSeconds(durationSeconds);
            recording.stop();
            dump = Files.createTempFile("hench-detail-", ".jfr");
            recording.dump(dump);
            return summarise(RecordingFile.readAllEvents(dump), Instant.now());
        } catch (IOException e) {
            throw new IllegalStateException("old-object sampling failed: " + e.getMessage(), e);
        } finally {
            deleteQuietly(dump);
        }
    }

    SuspectsReport summarise(List<RecordedEvent> events, Instant end) {
        Map<String, Group> groups = new HashMap<>();
        long sampled = 0;
        for (RecordedEvent event : events) {
            if (!OLD_OBJECT_SAMPLE.equals(event.getEventType().getName()) || !event.hasField("object")) {
                continue;
            }
            sampled++;
            String className = className(event.getValue("object"));
            List<String> stack = frames(event.getStackTrace());
            String key = className + '\n' + String.join("\n", stack);
            Group group = groups.computeIfAbsent(key, ignored -> new Group(className, stack));
            group.samples++;
            if (event.hasField("allocationTime")) {
                Instant allocated = event.getInstant("allocationTime");
                group.oldestAgeMillis = Math.max(group.oldestAgeMillis, Duration.between(allocated, end).toMillis());
            }
        }
        List<Group> ranked = new ArrayList<>(groups.values());
        ranked.sort(Comparator.comparingLong((Group g) -> g.samples).thenComparingLong(g -> g.oldestAgeMillis)
                .reversed());
        List<SuspectsReport.Suspect> entries = new ArrayList<>();
        for (Group group : ranked.subList(0, Math.min(MAX_ENTRIES, ranked.size()))) {
            entries.add(new SuspectsReport.Suspect(group.className, group.samples, group.oldestAgeMillis, group.stack));
        }
        return new SuspectsReport(requestId, System.currentTimeMillis(), sampled, entries);
    }

    private List<String> frames(RecordedStackTrace stackTrace) {
        List<String> frames = new ArrayList<>();
        if (stackTrace == null) {
            return frames;
        }
        for (RecordedFrame frame : stackTrace.getFrames()) {
            if (frames.size() == stackDepth) {
                break;
            }
            if (frame.getMethod() == null || frame.getMethod().getType() == null) {
                continue;
            }
            String method = frame.getMethod().getType().getName() + "." + frame.getMethod().getName();
            frames.add(frame.getLineNumber() > 0 ? method + ":" + frame.getLineNumber() : method);
        }
        return frames;
    }

    private static String className(RecordedObject object) {
        if (object == null || !object.hasField("type")) {
            return "unknown";
        }
        RecordedClass type = object.getValue("type");
        return type == null ? "unknown" : javaName(type.getName());
    }

    /** Turns a JVM array name such as {@code [B} or {@code [Ljava.lang.String;} into {@code byte[]} form. */
    static String javaName(String name) {
        int dimensions = 0;
        while (dimensions < name.length() && name.charAt(dimensions) == '[') {
            dimensions++;
        }
        if (dimensions == 0) {
            return name;
        }
        String element = elementName(name.substring(dimensions));
        return element + "[]".repeat(dimensions);
    }

    private static String elementName(String descriptor) {
        switch (descriptor) {
            case "B":
                return "byte";
            case "C":
                return "char";
            case "S":
                return "short";
            case "I":
                return "int";
            case "J":
                return "long";
            case "F":
                return "float";
            case "D":
                return "double";
            case "Z":
                return "boolean";
            default:
                boolean reference = descriptor.startsWith("L") && descriptor.endsWith(";");
                return reference ? descriptor.substring(1, descriptor.length() - 1) : descriptor;
        }
    }

    private static void sleepSeconds(long seconds) {
        try {
            TimeUnit.SECONDS.sleep(seconds);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void deleteQuietly(Path file) {
        if (file == null) {
            return;
        }
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            dev.hench.agent.StderrLog.throttled("detail-cleanup", "could not delete " + file + ": " + e.getMessage());
        }
    }

    private static final class Group {
        final String className;
        final List<String> stack;
        long samples;
        long oldestAgeMillis;

        Group(String className, List<String> stack) {
            this.className = className;
            this.stack = stack;
        }
    }
}
