package dev.hench.agent.api;

/** Called on the agent's sender thread when the admission level pushed by the collector changes. */
@FunctionalInterface
public interface AdmissionListener {

    /** Must return quickly; an exception is printed once and does not reach other listeners. */
    void levelChanged(AdmissionLevel previous, AdmissionLevel current);
}
