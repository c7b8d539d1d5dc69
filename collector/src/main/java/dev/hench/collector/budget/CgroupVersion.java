package dev.hench.collector.budget;

/** The cgroup hierarchy that carries the memory controller for a process. */
public enum CgroupVersion {
    V1("v1"),
    V2("v2"),
    NONE("none");

    private final String label;

    CgroupVersion(String label) {
        this.label = label;
    }

    /** Returns the form used in JSON and on the command line: {@code v1}, {@code v2}, {@code none}. */
    public String label() {
        return label;
    }
}
