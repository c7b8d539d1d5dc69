package dev.hench.collector.budget;

/** A memory source could not be read; the message names the file and what was wrong with it. */
public final class BudgetUnavailableException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public BudgetUnavailableException(String reason) {
        super(reason);
    }
}
