package dev.hench.sample;

import dev.hench.sample.workload.Deadline;
import dev.hench.sample.workload.Workload;
import dev.hench.sample.workload.WorkloadOptions;
import dev.hench.sample.workload.Workloads;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;

/**
 * Sample worker: {@code java -jar hench-sample-app.jar WORKLOAD [--duration 90s] [options]}.
 * Runs one named workload, then exits; without {@code --duration} it runs until killed.
 * Exit code 2 means invalid arguments.
 */
public final class SampleWorker {

    private static final int EXIT_USAGE = 2;

    private SampleWorker() {
    }

    public static void main(String[] args) throws InterruptedException {
        if (args.length == 0 || args[0].equals("--help") || args[0].equals("-h")) {
            printUsage();
            System.exit(args.length == 0 ? EXIT_USAGE : 0);
        }
        Workload workload;
        Deadline deadline;
        Duration duration;
        try {
            WorkloadOptions options = WorkloadOptions.parse(List.of(Arrays.copyOfRange(args, 1, args.length)));
            duration = options.duration("duration", null);
            workload = Workloads.create(args[0], options);
            options.rejectUnread();
            deadline = Deadline.after(duration);
        } catch (IllegalArgumentException e) {
            System.err.println("sample worker: " + e.getMessage());
            System.exit(EXIT_USAGE);
            return;
        }
        System.out.println("sample worker " + args[0] + " started pid=" + ProcessHandle.current().pid()
                + " duration=" + (duration == null ? "until killed" : duration.toSeconds() + "s"));
        workload.run(deadline);
    }

    private static void printUsage() {
        System.out.println("usage: java -jar hench-sample-app.jar WORKLOAD [--duration 90s] [--option value ...]");
        System.out.println("workloads: " + String.join(", ", Workloads.names()));
        System.out.println("steady: --live-mib 32 --churn-mib-per-s 20");
        System.out.println("leak:   --rate-mib-per-min 30 --churn-mib-per-s 20");
        System.out.println("cycles, cycles-plain: --cycle-seconds 5 --data-mib 32 --leak-mib-per-cycle 0"
                + " --churn-mib-per-s 20");
        System.out.println("runs:   --runs DIR --count 10 --turns 5 --turn-chars 4096 --worker sample-worker");
    }
}
