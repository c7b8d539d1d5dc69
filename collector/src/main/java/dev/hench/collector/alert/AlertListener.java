package dev.hench.collector.alert;

/**
 * Receives every alert transition. Implementations are isolated from each other: one that
 * throws is logged with its {@link #name()} and counted, and the others still run.
 */
public interface AlertListener {

    /** Short name used in logs and metrics when this listener fails, for example "jfr". */
    String name();

    /** Called on the dispatching thread; must not block for long. */
    void onAlert(Alert alert);
}
