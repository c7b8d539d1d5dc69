package dev.hench.sample;

/** Sample worker: runs one named workload. */
public final class SampleWorker {

    private SampleWorker() {
    }

    public static void main(String[] args) {
        System.out.println("no workloads yet");
    }
}
