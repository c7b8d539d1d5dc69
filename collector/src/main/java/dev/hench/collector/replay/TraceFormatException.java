package dev.hench.collector.replay;

/** A trace file that cannot be read; the message names the file, line, column and value. */
public final class TraceFormatException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public TraceFormatException(String message) {
        super(message);
    }

    public TraceFormatException(String message, Throwable cause) {
        super(message, cause);
    }
}
