package dev.hench.collector.ingest;

/** A line from an agent that is not a valid protocol message; the connection gets closed. */
public final class MalformedLineException extends Exception {

    private static final long serialVersionUID = 1L;

    public MalformedLineException(String message) {
        super(message);
    }

    public MalformedLineException(String message, Throwable cause) {
        super(message, cause);
    }
}
