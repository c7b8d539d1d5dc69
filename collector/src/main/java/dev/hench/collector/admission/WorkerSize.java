package dev.hench.collector.admission;

/**
 * The expected peak size of a worker and where that figure came from: the launcher's request,
 * the typical peak RSS of the workers seen, or the configured default.
 */
record WorkerSize(long bytes, String source) {
}
