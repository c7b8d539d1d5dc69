package dev.hench.agent;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.LockSupport;

import dev.hench.agent.jfr.JfrFacade;
import dev.hench.agent.jfr.JfrGate;
import dev.hench.agent.jfr.SuspectsReport;
import dev.hench.agent.options.AgentOptions;
import dev.hench.agent.phase.PhaseTracker;
import dev.hench.agent.poll.AgentCpuClock;
import dev.hench.agent.poll.LatestReadings;
import dev.hench.agent.poll.SamplePoller;
import dev.hench.agent.poll.StatmReader;
import dev.hench.agent.transport.CollectorCommands;
import dev.hench.agent.transport.CollectorLink;
import dev.hench.agent.transport.HelloMessage;
import dev.hench.agent.wire.MessageRing;

/**
 * The running agent: the sampler loop, and the JFR and sender threads it starts. Also carries out
 * the collector's {@code alert} and {@code detail} requests.
 */
final class AgentRuntime implements CollectorCommands {

    static final long MAX_DETAIL_SECONDS = 600;
    static final int MAX_ALERTS_BEFORE_JFR = 16;
    /** Maximum time the shutdown hook delays the worker's exit to deliver the last messages. */
    static final long SHUTDOWN_FLUSH_MILLIS = 500;

    private final AgentOptions options;
    private final MessageRing ring;
    private final PhaseTracker phases;
    private final LatestReadings readings = new LatestReadings();
    private final AtomicBoolean detailRunning = new AtomicBoolean();
    /** Alerts that arrived while JFR was still starting; committed once it is up. */
    private final List<Map<String, Object>> alertsBeforeJfr = new ArrayList<>();
    private boolean jfrSettled;
    private volatile JfrFacade jfr;
    private AgentCpuClock cpuClock;
    private volatile SamplePoller poller;

    AgentRuntime(AgentOptions options, MessageRing ring, PhaseTracker phases) {
        this.options = options;
        this.ring = ring;
        this.phases = phases;
    }

    /** Body of the sampler thread: starts the other threads, then polls once per interval forever. */
    void runSampler() {
        cpuClock = new AgentCpuClock();
        SamplePoller samplePoller = new SamplePoller(
                StatmReader.open(Path.of("/proc/self/statm"), Path.of("/proc/self/status")), readings, cpuClock, ring);
        poller = samplePoller;
        if (options.jfrEnabled()) {
            AgentThreads.start(AgentThreads.JFR, this::runJfr);
        } else {
            samplePoller.useMemoryPoolsForJfrSignals();
        }
        String session = UUID.randomUUID().toString().replace("-", "").substring(0, 16);
        byte[] hello = HelloMessage.encode(options.workerId(), session, agentVersion());
        CollectorLink link = new CollectorLink(options.collector(), ring, hello, this, cpuClock, readings);
        AgentThreads.start(AgentThreads.SENDER, link);
        Runtime.getRuntime().addShutdownHook(AgentThreads.unstarted(AgentThreads.SHUTDOWN, () -> {
            samplePoller.pollAndAppend();
            link.awaitAcknowledged(SHUTDOWN_FLUSH_MILLIS);
        }));
        pollForever(samplePoller);
    }

    private void pollForever(SamplePoller poller) {
        long intervalNanos = TimeUnit.MILLISECONDS.toNanos(options.intervalMillis());
        long next = System.nanoTime();
        while (true) {
            try {
                cpuClock.recordSamplerEvery();
                poller.pollAndAppend();
            } catch (RuntimeException e) {
                StderrLog.throttled("poll", "sampling failed: " + e);
            }
            next += intervalNanos;
            long wait = next - System.nanoTime();
            if (wait < 0) {
                // Fell behind (a long pause or a suspended process): resume the schedule from now.
                next = System.nanoTime();
            } else {
                LockSupport.parkNanos(wait);
            }
        }
    }

    private void runJfr() {
        JfrFacade facade = JfrGate.open(options.intervalMillis(), ring, readings, cpuClock);
        List<Map<String, Object>> early;
        synchronized (alertsBeforeJfr) {
            jfr = facade;
            jfrSettled = true;
            early = new ArrayList<>(alertsBeforeJfr);
            alertsBeforeJfr.clear();
        }
        if (facade == null) {
            poller.useMemoryPoolsForJfrSignals();
            return;
        }
        early.forEach(facade::commitAlert);
        phases.setEventSink(facade);
        facade.stream();
    }

    @Override
    public void alert(Map<String, Object> fields) {
        synchronized (alertsBeforeJfr) {
            boolean waitForJfr = options.jfrEnabled() && !jfrSettled;
            if (waitForJfr && alertsBeforeJfr.size() < MAX_ALERTS_BEFORE_JFR) {
                alertsBeforeJfr.add(fields);
                return;
            }
        }
        JfrFacade facade = jfr;
        if (facade != null) {
            facade.commitAlert(fields);
        }
    }

    @Override
    public void detail(String requestId, long durationSeconds) {
        JfrFacade facade = jfr;
        if (!options.detailEnabled() || facade == null) {
            StderrLog.throttled("detail-off", "ignored detail request " + requestId + ": "
                    + (facade == null ? "JFR is not running" : "detail=false"));
            return;
        }
        if (!detailRunning.compareAndSet(false, true)) {
            StderrLog.throttled("detail-busy", "ignored detail request " + requestId + ": one is already running");
            return;
        }
        long seconds = Math.max(1, Math.min(MAX_DETAIL_SECONDS, durationSeconds));
        AgentThreads.start(AgentThreads.DETAIL, () -> runDetail(facade, requestId, seconds));
    }

    private void runDetail(JfrFacade facade, String requestId, long seconds) {
        try {
            SuspectsReport report = facade.sampleOldObjects(requestId, seconds, options.detailStackDepth());
            ring.append("suspects", report);
        } catch (RuntimeException e) {
            StderrLog.print("detail request " + requestId + " failed: " + e.getMessage());
        } finally {
            cpuClock.recordCurrentThread(AgentCpuClock.DETAIL);
            detailRunning.set(false);
        }
    }

    private static String agentVersion() {
        Package agentPackage = AgentRuntime.class.getPackage();
        return agentPackage == null ? null : agentPackage.getImplementationVersion();
    }
}
