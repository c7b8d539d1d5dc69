package dev.hench.agent.api;

/**
 * An open phase, ended by {@link #close()}; made for try-with-resources:
 * <pre>{@code
 * try (Phase load = Phases.open("load")) {
 *     readInput();
 * }
 * }</pre>
 * Closing twice ends the phase once. Never throws.
 */
public final class Phase implements AutoCloseable {

    static final Phase NOT_RECORDED = new Phase(null);

    private final String name;
    private boolean closed;

    Phase(String name) {
        this.name = name;
    }

    /** Returns the phase name, or null when the agent was not running at {@link Phases#open}. */
    public String name() {
        return name;
    }

    @Override
    public void close() {
        if (name == null || closed) {
            return;
        }
        closed = true;
        Phases.end(name);
    }
}
