package dev.hench.agent.wire;

/**
 * The fields of one buffered message after {@code type} and {@code seq}. Implementations that sit
 * on the sampling path are reused objects, so appending a message allocates nothing.
 */
@FunctionalInterface
public interface MessageBody {

    /** Writes this message's fields; called under the buffer's lock, so it must not block. */
    void writeFields(JsonWriter writer);
}
