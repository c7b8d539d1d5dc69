package dev.hench.collector.housekeeping;

/** A run file that matches no known schema version, or that is not JSON at all. */
public final class InvalidRunFileException extends Exception {

    private static final long serialVersionUID = 1L;

    public InvalidRunFileException(String reason) {
        super(reason);
    }

    public InvalidRunFileException(String reason, Throwable cause) {
        super(reason, cause);
    }
}
