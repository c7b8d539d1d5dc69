package dev.hench.collector.admission;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.hench.collector.budget.BudgetReader;
import dev.hench.collector.budget.BudgetSettings;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.OptionalLong;
import java.util.concurrent.CopyOnWriteArrayList;
import jdk.jfr.Recording;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordingFile;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AdmissionControllerTest {

    private static final Duration INTERVAL = Duration.ofMillis(200);

    @TempDir
    Path temp;

    private ContainerTree tree;
    private final List<String> broadcast = new CopyOnWriteArrayList<>();
    private AdmissionController controller;

    @BeforeEach
    void createTree() {
        tree = new ContainerTree(temp);
    }

    @AfterEach
    void stop() {
        if (controller != null) {
            controller.close();
        }
    }

    private AdmissionController start(WorkerPeaks peaks) {
        BudgetSettings budget = new BudgetSettings(tree.root(), null, BudgetSettings.Os.LINUX,
                false);
        AdmissionSettings defaults = AdmissionSettings.defaults();
        AdmissionSettings settings = new AdmissionSettings(0.8, 0.9, 0.05, 0, 20, 10,
                UnknownPolicy.DELAY, INTERVAL, 100L << 20, Duration.ofSeconds(60), budget);
        controller = new AdmissionController(settings, BudgetReader.from(budget), peaks,
                Clock.systemUTC());
        controller.addBroadcast(broadcast::add);
        controller.start();
        return controller;
    }

    @Test
    void levelFollowsMemoryWithinOneInterval() {
        start(WorkerPeaks.none());
        assertThat(controller.current().level()).isEqualTo(AdmissionLevel.NORMAL);

        tree.useShare(0.95);

        await().atMost(INTERVAL.multipliedBy(3)).until(
                () -> controller.current().level() == AdmissionLevel.REFUSE);
        tree.useShare(0.82);
        await().atMost(INTERVAL.multipliedBy(3)).until(
                () -> controller.current().level() == AdmissionLevel.DELAY);
    }

    @Test
    void levelChangeIsBroadcastToAgents() {
        start(WorkerPeaks.none());

        tree.useShare(0.85);

        await().atMost(INTERVAL.multipliedBy(3)).until(() -> !broadcast.isEmpty());
        assertThat(broadcast.get(0)).startsWith("{\"type\":\"admission\",\"level\":\"DELAY\"")
                .contains("\"availableBytes\":");
    }

    @Test
    void levelChangeCommitsJfrEvent() throws Exception {
        Path file = temp.resolve("admission.jfr");
        try (Recording recording = new Recording()) {
            recording.enable("hench.AdmissionChanged");
            recording.start();
            start(WorkerPeaks.none());
            tree.useShare(0.95);
            await().atMost(INTERVAL.multipliedBy(3)).until(
                    () -> controller.current().level() == AdmissionLevel.REFUSE);
            recording.stop();
            recording.dump(file);
        }

        // Events from different threads come out of the file in buffer order, not time order.
        List<RecordedEvent> events = RecordingFile.readAllEvents(file).stream()
                .sorted(Comparator.comparing(RecordedEvent::getStartTime)).toList();
        assertThat(events).hasSize(2);
        assertThat(events.get(0).getString("previousLevel")).isEqualTo("NONE");
        assertThat(events.get(0).getString("level")).isEqualTo("NORMAL");
        assertThat(events.get(1).getString("previousLevel")).isEqualTo("NORMAL");
        assertThat(events.get(1).getString("level")).isEqualTo("REFUSE");
        assertThat(events.get(1).getLong("budgetBytes")).isEqualTo(ContainerTree.LIMIT_BYTES);
    }

    @Test
    void reservationCountsUntilWorkerShowsUp() {
        start(() -> OptionalLong.of(300L << 20));
        tree.useShare(0.3);

        assertThat(controller.tryReserve(-1).admitted()).isTrue();
        assertThat(controller.tryReserve(-1).admitted()).isTrue();
        AdmissionController.ReservationResult third = controller.tryReserve(-1);

        assertThat(third.admitted()).isFalse();
        assertThat(third.decision().reservedBytes()).isEqualTo(600L << 20);
        tree.useShare(0.3 + 600.0 / 1024);
        assertThat(controller.sample().reservedBytes()).isZero();
    }

    @Test
    void unreadableBudgetIsUnknownAndDelays() {
        start(WorkerPeaks.none());

        tree.removeMeminfo();

        await().atMost(INTERVAL.multipliedBy(3)).until(
                () -> controller.current().level() == AdmissionLevel.UNKNOWN);
        assertThat(controller.current().verdict()).isEqualTo(Verdict.WAIT);
        assertThat(controller.current().reasons().get(0)).contains("/proc/meminfo not found");
    }
}
