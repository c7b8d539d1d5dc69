package dev.hench.collector.alert;

/** Step in an alert's life: raised once, updated when its level changes, resolved once. */
public enum AlertState {
    RAISED,
    UPDATED,
    RESOLVED
}
