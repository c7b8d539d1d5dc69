package dev.hench.collector.worker;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SessionSequenceTest {

    private final SessionSequence sequence = new SessionSequence();

    private void process(long... seqs) {
        for (long seq : seqs) {
            if (sequence.admit(seq)) {
                sequence.processed(seq);
            }
        }
    }

    @Test
    void contiguousMessagesAdvanceLastProcessed() {
        process(1, 2, 3);

        assertThat(sequence.lastProcessedSeq()).isEqualTo(3);
        assertThat(sequence.missingMessages()).isZero();
        assertThat(sequence.duplicateMessages()).isZero();
    }

    @Test
    void resentMessagesAreDroppedAndCounted() {
        process(1, 2, 3, 2, 3, 4);

        assertThat(sequence.admit(4)).isFalse();
        assertThat(sequence.lastProcessedSeq()).isEqualTo(4);
        assertThat(sequence.duplicateMessages()).isEqualTo(3);
    }

    @Test
    void jumpCountsMissingMessages() {
        process(1, 2, 7, 8);

        assertThat(sequence.missingMessages()).isEqualTo(4);
        assertThat(sequence.lastProcessedSeq()).isEqualTo(8);
    }

    @Test
    void firstMessageSetsBaselineWithoutGap() {
        process(500, 501);

        assertThat(sequence.missingMessages()).isZero();
        assertThat(sequence.lastProcessedSeq()).isEqualTo(501);
    }

    @Test
    void admittedButUnprocessedMessageIsNotAcknowledged() {
        process(1);

        assertThat(sequence.admit(2)).isTrue();
        assertThat(sequence.lastProcessedSeq()).isEqualTo(1);
    }
}
