package dev.hench.collector.admission;

import jdk.jfr.Category;
import jdk.jfr.DataAmount;
import jdk.jfr.Description;
import jdk.jfr.Event;
import jdk.jfr.Label;
import jdk.jfr.Name;
import jdk.jfr.Percentage;

/**
 * JFR event committed for the first admission decision (previous level {@code NONE}) and at
 * every level change after it; read it with {@code jfr print --events hench.AdmissionChanged}.
 */
@Name("hench.AdmissionChanged")
@Label("Admission Changed")
@Category({"hench", "Admission"})
@Description("The collector's admission level for new workers changed")
public final class AdmissionChangedEvent extends Event {

    @Label("Previous Level")
    String previousLevel;

    @Label("Level")
    String level;

    @Label("Reasons")
    String reasons;

    @Label("Used Share")
    @Percentage
    double usedShare;

    @Label("Available")
    @DataAmount
    long availableBytes;

    @Label("Budget")
    @DataAmount
    long budgetBytes;

    @Label("Budget Source")
    String budgetSource;

    @Label("Cgroup Directory")
    String cgroupDir;
}
