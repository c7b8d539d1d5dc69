package dev.hench.itworker;

import java.util.logging.LogManager;

/** A worker's own java.util.logging manager, which only works if nobody started JUL before the worker. */
public final class CustomLogManager extends LogManager {

    public CustomLogManager() {
        super();
    }
}
