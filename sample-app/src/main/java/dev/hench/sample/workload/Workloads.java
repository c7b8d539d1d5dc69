package dev.hench.sample.workload;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;

/** The workloads a sample worker can run, by name. Add a workload with one line in the block below. */
public final class Workloads {

    private static final Map<String, Function<WorkloadOptions, Workload>> BY_NAME = new LinkedHashMap<>();

    static {
        BY_NAME.put("steady", SteadyWorkload::new);
        BY_NAME.put("leak", LeakWorkload::new);
        BY_NAME.put("sawtooth", SawtoothWorkload::new);
        BY_NAME.put("cycles", MarkedCycles::create);
        BY_NAME.put("cycles-plain", CyclesWorkload::new);
        BY_NAME.put("runs", RunsWorkload::new);
    }

    private Workloads() {
    }

    /** Returns the workload names in registration order. */
    public static Iterable<String> names() {
        return Collections.unmodifiableSet(BY_NAME.keySet());
    }

    /**
     * Creates the workload {@code name} from its options.
     *
     * @throws IllegalArgumentException for an unknown name or an invalid option
     */
    public static Workload create(String name, WorkloadOptions options) {
        Function<WorkloadOptions, Workload> factory = BY_NAME.get(name);
        if (factory == null) {
            throw new IllegalArgumentException("workload '" + name + "' is unknown; choose one of "
                    + String.join(", ", BY_NAME.keySet()));
        }
        return factory.apply(options);
    }
}
