package dev.hench.collector.budget;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Runs one budget read and turns a failure into an unknown budget that names its cause. */
final class FailureToUnknown {

    /** One read that may fail; it adds notes on how its sources were chosen to {@code notes}. */
    @FunctionalInterface
    interface Read {
        MemoryBudget read(List<String> notes) throws IOException;
    }

    private FailureToUnknown() {
    }

    static MemoryBudget run(String os, Path root, Read read) {
        List<String> notes = new ArrayList<>();
        try {
            return read.read(notes);
        } catch (BudgetUnavailableException e) {
            return MemoryBudget.unknown(os, e.getMessage(), notes);
        } catch (IOException | UncheckedIOException | NumberFormatException e) {
            return MemoryBudget.unknown(os, "reading under " + root + " failed: " + e, notes);
        }
    }
}
