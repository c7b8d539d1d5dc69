package dev.hench.collector.worker;

/** Hears when the registry starts and forgets a series, for example to add and remove meters. */
public interface SeriesListener {

    /** Called once when a new worker series appears, on the thread that handles its hello. */
    void onSeriesStarted(WorkerSeries series);

    /** Called once when the series is forgotten after its grace period. */
    void onSeriesForgotten(WorkerSeries series);
}
