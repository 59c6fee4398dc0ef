/* klipper4j - a Klipper-compatible printer host. GPL-3.0-only. */
package org.klipper4j.conformance.compare;

import java.util.List;

/**
 * The judgement of a test stream against a reference stream.
 *
 * @param failures why the streams are not equivalent, most basic first; empty if they are
 * @param steppers how many steppers were compared
 * @param pairedSteps steps paired over all steppers
 * @param maxStepDiffTicks the largest step time difference in ticks
 */
public record Verdict(List<String> failures, int steppers, long pairedSteps, double maxStepDiffTicks) {

    public boolean equivalent() {
        return failures.isEmpty();
    }

    /** The first failure, or "" if equivalent. */
    public String firstDifference() {
        return failures.isEmpty() ? "" : failures.get(0);
    }

    @Override
    public String toString() {
        return (equivalent() ? "equivalent" : "not equivalent: " + firstDifference()) + " (" + steppers
                + " steppers, " + pairedSteps + " paired steps, max step diff " + maxStepDiffTicks + " ticks)";
    }
}
