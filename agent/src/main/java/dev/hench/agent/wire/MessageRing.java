package dev.hench.agent.wire;

import java.nio.ByteBuffer;

/**
 * Bounded buffer of encoded messages, numbered by sequence, kept until the collector
 * acknowledges them. When it is full, appending overwrites the oldest message, sent or not, and
 * counts it as dropped.
 *
 * <p>Thread-safe: any number of producers append (the sampler, the JFR stream, phase API callers)
 * and one sender reads and acknowledges. All methods take the same short lock. Each slot is a
 * preallocated byte array, so appending allocates nothing unless a message outgrows its slot.
 * Retained messages always have the sequence numbers {@code firstSeq..lastSeq}, without gaps.
 */
public final class MessageRing {

    /** Longest line the collector accepts, newline included. */
    public static final int MAX_LINE_BYTES = 65_536;

    private final byte[][] slots;
    private final int[] lengths;
    private final JsonWriter writer;
    private long lastSeq;
    private long firstSeq = 1;
    private long droppedTotal;
    private long oversizeTotal;

    /**
     * @param capacity number of messages kept
     * @param slotBytes initial size of each slot; larger messages grow their slot
     */
    public MessageRing(int capacity, int slotBytes) {
        if (capacity < 1 || slotBytes < 64) {
            throw new IllegalArgumentException("capacity must be at least 1 and slotBytes at least 64, got "
                    + capacity + " and " + slotBytes);
        }
        slots = new byte[capacity][slotBytes];
        lengths = new int[capacity];
        writer = new JsonWriter(slotBytes);
    }

    /**
     * Encodes and appends one message with the next sequence number.
     *
     * @return the message's sequence number, or 0 when the encoded line was longer than
     *     {@link #MAX_LINE_BYTES} and was discarded (counted, see {@link #oversizeTotal()})
     */
    public synchronized long append(String type, MessageBody body) {
        long seq = lastSeq + 1;
        int index = indexOf(seq);
        if (seq - firstSeq >= slots.length) {
            firstSeq++;
            droppedTotal++;
        }
        writer.reset(slots[index]);
        writer.beginMessage(type, seq);
        body.writeFields(writer);
        writer.endMessage();
        slots[index] = writer.array();
        if (writer.length() > MAX_LINE_BYTES) {
            // The slot held either nothing or the message dropped above, so no retained line is lost.
            oversizeTotal++;
            return 0;
        }
        lengths[index] = writer.length();
        lastSeq = seq;
        return seq;
    }

    /**
     * Frees every message up to and including {@code seq}, as the collector acknowledged. An
     * acknowledgement beyond the last appended message frees all of them.
     */
    public synchronized void acknowledge(long seq) {
        long upTo = Math.min(seq, lastSeq);
        if (upTo >= firstSeq) {
            firstSeq = upTo + 1;
        }
    }

    /**
     * Copies whole lines, starting at {@code fromSeq} or at the oldest retained message when that is
     * later, into {@code target} while they fit.
     *
     * @return the sequence number of the first message not copied
     */
    public synchronized long copyLines(long fromSeq, ByteBuffer target) {
        long seq = Math.max(fromSeq, firstSeq);
        while (seq <= lastSeq) {
            int index = indexOf(seq);
            if (lengths[index] > target.remaining()) {
                break;
            }
            target.put(slots[index], 0, lengths[index]);
            seq++;
        }
        return seq;
    }

    public synchronized long lastSeq() {
        return lastSeq;
    }

    public synchronized long firstSeq() {
        return firstSeq;
    }

    /** Returns the number of messages retained (unacknowledged). */
    public synchronized int used() {
        return (int) (lastSeq - firstSeq + 1);
    }

    public int capacity() {
        return slots.length;
    }

    /** Returns the number of messages overwritten before the collector acknowledged them. */
    public synchronized long droppedTotal() {
        return droppedTotal;
    }

    /** Returns the number of messages discarded because their line exceeded {@link #MAX_LINE_BYTES}. */
    public synchronized long oversizeTotal() {
        return oversizeTotal;
    }

    private int indexOf(long seq) {
        return (int) ((seq - 1) % slots.length);
    }
}
