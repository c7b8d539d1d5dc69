package dev.hench.itworker;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import dev.hench.agent.api.Admission;
import dev.hench.agent.api.AdmissionLevel;
import dev.hench.agent.api.Phase;
import dev.hench.agent.api.Phases;
import dev.hench.agent.api.Runs;

/**
 * Test worker that uses the agent's public API: waits up to ten seconds for its admission
 * listener to hear that the collector pushed level DELAY and prints what it saw, then runs one
 * run with a {@code load} phase (try-with-resources) and a {@code process} phase (begin/end).
 */
public final class ApiWorker {

    private ApiWorker() {
    }

    public static void main(String[] args) throws InterruptedException {
        CountDownLatch delayed = new CountDownLatch(1);
        Admission.addListener((previous, current) -> {
            if (current == AdmissionLevel.DELAY) {
                delayed.countDown();
            }
        });
        // The level may have arrived before main, and listeners hear only later changes.
        if (Admission.level() == AdmissionLevel.DELAY) {
            delayed.countDown();
        }
        boolean heard = delayed.await(10, TimeUnit.SECONDS);
        System.out.println("admission " + Admission.level() + " reasons " + Admission.reasons());
        System.out.println("listener saw " + heard);
        // After the admission push the agent's JFR side is up, so the phases also become JFR events.
        Runs.begin("run-1");
        try (Phase load = Phases.open("load")) {
            System.out.println("loading in phase " + load.name());
        }
        Phases.begin("process");
        Phases.end("process");
        Runs.end("run-1");

    }
}
