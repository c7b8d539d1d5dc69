package dev.hench.agent.jfr;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.hench.agent.poll.LatestReadings;
import dev.hench.agent.wire.JsonWriter;
import dev.hench.agent.wire.MessageBody;
import dev.hench.agent.wire.MessageRing;
import jdk.jfr.consumer.RecordedEvent;

/**
 * Assembles one {@code gc} message per collection from the several JFR events that share its
 * {@code gcId}: {@code jdk.GarbageCollection} (name, cause, pauses), {@code jdk.GCHeapSummary}
 * and {@code jdk.MetaspaceSummary} (before and after), {@code jdk.G1GarbageCollection} (young or
 * mixed), and the young/old marker events.
 *
 * <p>These events may reach the stream in different flushes, so a collection is sent one flush
 * after its {@code jdk.GarbageCollection} event arrived. Used only on the JFR thread.
 */
final class GcEvents {

    static final String GARBAGE_COLLECTION = "jdk.GarbageCollection";
    static final String HEAP_SUMMARY = "jdk.GCHeapSummary";
    static final String METASPACE_SUMMARY = "jdk.MetaspaceSummary";
    static final String G1_COLLECTION = "jdk.G1GarbageCollection";
    static final List<String> YOUNG_EVENTS = List.of("jdk.YoungGarbageCollection", "jdk.ZYoungGarbageCollection");
    static final List<String> OLD_EVENTS = List.of("jdk.OldGarbageCollection", "jdk.ZOldGarbageCollection");

    private static final String GC_ID = "gcId";
    private static final String WHEN = "when";
    private static final String AFTER_GC = "After GC";
    private static final String BEFORE_GC = "Before GC";
    private static final int MAX_PENDING = 256;

    private final Map<Long, Collection> pending = new LinkedHashMap<>();
    private final MessageRing ring;
    private final LatestReadings readings;
    private long flushCount;

    GcEvents(MessageRing ring, LatestReadings readings) {
        this.ring = ring;
        this.readings = readings;
    }

    void onGarbageCollection(RecordedEvent event) {
        Collection gc = collection(event);
        if (gc == null || !event.hasField("name")) {
            malformed();
            return;
        }
        gc.name = event.getString("name");
        gc.cause = event.hasField("cause") ? event.getString("cause") : null;
        gc.pauseNanos = event.hasField("sumOfPauses") ? event.getDuration("sumOfPauses").toNanos() : JsonWriter.ABSENT;
        gc.timeMillis = event.getEndTime().toEpochMilli();
        gc.completedInFlush = flushCount;
    }

    void onHeapSummary(RecordedEvent event) {
        Collection gc = collection(event);
        if (gc == null || !event.hasField(WHEN) || !event.hasField("heapUsed")) {
            malformed();
            return;
        }
        String when = event.getString(WHEN);
        if (AFTER_GC.equals(when)) {
            gc.heapAfterBytes = event.getLong("heapUsed");
        } else if (BEFORE_GC.equals(when)) {
            gc.heapBeforeBytes = event.getLong("heapUsed");
        }
    }

    void onMetaspaceSummary(RecordedEvent event) {
        Collection gc = collection(event);
        if (gc == null || !event.hasField(WHEN) || !event.hasField("metaspace.used")) {
            malformed();
            return;
        }
        if (AFTER_GC.equals(event.getString(WHEN))) {
            gc.metaspaceAfterBytes = event.getLong("metaspace.used");
            readings.metaspaceUsedBytes = gc.metaspaceAfterBytes;
            if (event.hasField("metaspace.committed")) {
                readings.metaspaceCommittedBytes = event.getLong("metaspace.committed");
            }
        }
    }

    void onG1Collection(RecordedEvent event) {
        Collection gc = collection(event);
        if (gc == null || !event.hasField("type")) {
            malformed();
            return;
        }
        gc.g1Type = event.getString("type");
    }

    void onYoungCollection(RecordedEvent event) {
        Collection gc = collection(event);
        if (gc == null) {
            malformed();
            return;
        }
        gc.sawYoungEvent = true;
    }

    void onOldCollection(RecordedEvent event) {
        Collection gc = collection(event);
        if (gc == null) {
            malformed();
            return;
        }
        gc.sawOldEvent = true;
    }

    /** Sends the collections completed before the previous flush; called at the end of each flush. */
    void onFlush() {
        Iterator<Collection> iterator = pending.values().iterator();
        while (iterator.hasNext()) {
            Collection gc = iterator.next();
            if (gc.name != null && gc.completedInFlush < flushCount) {
                iterator.remove();
                gc.kind = GcKinds.kindOf(gc.name, gc.g1Type, gc.sawYoungEvent, gc.sawOldEvent);
                ring.append("gc", gc);
            }
        }
        flushCount++;
    }

    private Collection collection(RecordedEvent event) {
        if (!event.hasField(GC_ID)) {
            return null;
        }
        long gcId = event.getLong(GC_ID);
        Collection gc = pending.get(gcId);
        if (gc == null) {
            evictIfFull();
            gc = new Collection(gcId);
            pending.put(gcId, gc);
        }
        return gc;
    }

    private void evictIfFull() {
        if (pending.size() >= MAX_PENDING) {
            // A collection whose jdk.GarbageCollection event never came (disabled or lost).
            Iterator<Collection> oldest = pending.values().iterator();
            oldest.next();
            oldest.remove();
            malformed();
        }
    }

    private void malformed() {
        readings.malformedJfrEvents++;
    }

    /** Data of one GC id, filled in as its events arrive. */
    private static final class Collection implements MessageBody {
        final long gcId;
        String name;
        String cause;
        String g1Type;
        String kind;
        boolean sawYoungEvent;
        boolean sawOldEvent;
        long timeMillis = JsonWriter.ABSENT;
        long pauseNanos = JsonWriter.ABSENT;
        long heapBeforeBytes = JsonWriter.ABSENT;
        long heapAfterBytes = JsonWriter.ABSENT;
        long metaspaceAfterBytes = JsonWriter.ABSENT;
        long completedInFlush = Long.MAX_VALUE;

        Collection(long gcId) {
            this.gcId = gcId;
        }

        @Override
        public void writeFields(JsonWriter writer) {
            writer.field("timeMillis", timeMillis);
            writer.field("gcId", gcId);
            writer.field("name", name);
            writer.field("cause", cause);
            writer.field("kind", kind);
            writer.field("pauseNanos", pauseNanos);
            writer.field("heapBeforeBytes", heapBeforeBytes);
            writer.field("heapAfterBytes", heapAfterBytes);
            writer.field("metaspaceAfterBytes", metaspaceAfterBytes);
        }
    }

    static List<String> eventNames() {
        List<String> names = new ArrayList<>(List.of(GARBAGE_COLLECTION, HEAP_SUMMARY, METASPACE_SUMMARY,
                G1_COLLECTION));
        names.addAll(YOUNG_EVENTS);
        names.addAll(OLD_EVENTS);
        return names;
    }
}
