package dev.hench.collector.housekeeping;

/**
 * Token usage added up over a group of runs. A cache counter sums only the runs that reported it;
 * the runs without it are counted separately, because an absent value is unknown, not 0.
 */
public final class UsageSum {

    private long runs;
    private long input;
    private long output;
    private long cacheCreationInput;
    private long runsWithoutCacheCreationInput;
    private long cacheReadInput;
    private long runsWithoutCacheReadInput;

    void add(TokenUsage usage) {
        runs++;
        input += usage.input();
        output += usage.output();
        if (usage.cacheCreationInput() == null) {
            runsWithoutCacheCreationInput++;
        } else {
            cacheCreationInput += usage.cacheCreationInput();
        }
        if (usage.cacheReadInput() == null) {
            runsWithoutCacheReadInput++;
        } else {
            cacheReadInput += usage.cacheReadInput();
        }
    }

    public long getRuns() {
        return runs;
    }

    public long getInput() {
        return input;
    }

    public long getOutput() {
        return output;
    }

    public long getCacheCreationInput() {
        return cacheCreationInput;
    }

    public long getRunsWithoutCacheCreationInput() {
        return runsWithoutCacheCreationInput;
    }

    public long getCacheReadInput() {
        return cacheReadInput;
    }

    public long getRunsWithoutCacheReadInput() {
        return runsWithoutCacheReadInput;
    }

    @Override
    public String toString() {
        return "runs=" + runs + " input=" + input + " output=" + output
                + " cacheCreationInput=" + cacheCreationInput
                + absentNote(runsWithoutCacheCreationInput)
                + " cacheReadInput=" + cacheReadInput + absentNote(runsWithoutCacheReadInput);
    }

    private static String absentNote(long runsWithout) {
        return runsWithout == 0 ? "" : " (absent in " + runsWithout + " runs)";
    }
}
