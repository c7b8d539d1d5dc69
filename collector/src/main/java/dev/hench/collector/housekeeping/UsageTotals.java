package dev.hench.collector.housekeeping;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;

/** The usage ledger added up: lifetime, and by UTC day, by model and by worker. */
public final class UsageTotals {

    /** Group name for runs whose file had no model or no worker. */
    static final String ABSENT = "(absent)";

    private final UsageSum lifetime = new UsageSum();
    private final Map<LocalDate, UsageSum> byDay = new TreeMap<>();
    private final Map<String, UsageSum> byModel = new TreeMap<>();
    private final Map<String, UsageSum> byWorker = new TreeMap<>();

    public static UsageTotals of(List<LedgerEntry> entries) {
        UsageTotals totals = new UsageTotals();
        for (LedgerEntry entry : entries) {
            totals.lifetime.add(entry.usage());
            add(totals.byDay, entry.dayUtc(), entry);
            add(totals.byModel, nameOrAbsent(entry, LedgerEntry::model), entry);
            add(totals.byWorker, nameOrAbsent(entry, LedgerEntry::worker), entry);
        }
        return totals;
    }

    private static <K> void add(Map<K, UsageSum> groups, K key, LedgerEntry entry) {
        groups.computeIfAbsent(key, k -> new UsageSum()).add(entry.usage());
    }

    private static String nameOrAbsent(LedgerEntry entry, Function<LedgerEntry, String> field) {
        String name = field.apply(entry);
        return name == null ? ABSENT : name;
    }

    public UsageSum getLifetime() {
        return lifetime;
    }

    public Map<LocalDate, UsageSum> getByDay() {
        return byDay;
    }

    public Map<String, UsageSum> getByModel() {
        return byModel;
    }

    public Map<String, UsageSum> getByWorker() {
        return byWorker;
    }
}
