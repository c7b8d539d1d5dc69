package dev.hench.collector.worker;

/**
 * Sequence bookkeeping of one agent session: drops messages already processed, counts the
 * messages missing between two sequence numbers, and reports the highest processed {@code seq}
 * for {@code welcome} and {@code ack}.
 *
 * <p>The agent sends each session's messages in {@code seq} order over one connection at a
 * time, so "highest processed" is also the highest contiguous number the agent needs to hear
 * about: a gap can only come from messages the agent itself dropped, and those never arrive.
 * The first message that this collector sees for a session sets the baseline without counting a
 * gap, because earlier numbers may have been acknowledged by a previous collector process.
 *
 * <p>Thread-safe.
 */
public final class SessionSequence {

    private long lastProcessedSeq;
    private long missingMessages;
    private long duplicateMessages;

    /**
     * Decides whether a message is new. Call {@link #processed(long)} once it has been handled.
     *
     * @return false when {@code seq} was already processed and the message must be dropped
     */
    public synchronized boolean admit(long seq) {
        if (seq <= lastProcessedSeq) {
            duplicateMessages++;
            return false;
        }
        if (lastProcessedSeq > 0 && seq > lastProcessedSeq + 1) {
            missingMessages += seq - lastProcessedSeq - 1;
        }
        return true;
    }

    /** Records that the message with {@code seq} has been handled, successfully or not. */
    public synchronized void processed(long seq) {
        if (seq > lastProcessedSeq) {
            lastProcessedSeq = seq;
        }
    }

    /** Highest {@code seq} processed so far in this collector process, 0 before the first. */
    public synchronized long lastProcessedSeq() {
        return lastProcessedSeq;
    }

    /** Messages skipped by a jump in {@code seq} after the baseline. */
    public synchronized long missingMessages() {
        return missingMessages;
    }

    /** Messages dropped because their {@code seq} had already been processed. */
    public synchronized long duplicateMessages() {
        return duplicateMessages;
    }
}
