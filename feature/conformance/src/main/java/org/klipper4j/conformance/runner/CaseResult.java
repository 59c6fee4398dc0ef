/* klipper4j - a Klipper-compatible printer host. GPL-3.0-only. */
package org.klipper4j.conformance.runner;

/**
 * How one case ended.
 *
 * @param id      the case id
 * @param outcome the kind of ending
 * @param detail  the missing section, the first difference or the error; "" if equivalent
 * @param seconds wall time of the run
 */
public record CaseResult(String id, Outcome outcome, String detail, double seconds) {

    public enum Outcome {
        EQUIVALENT, PENDING, NOT_EQUIVALENT, ERROR
    }

    /** The verdict as the table shows it, e.g. {@code pending: section 'mcu' has no module}. */
    public String verdict() {
        return switch (outcome) {
            case EQUIVALENT -> "equivalent";
            case PENDING -> "pending: " + detail;
            case NOT_EQUIVALENT -> "not equivalent: " + detail;
            case ERROR -> "error: " + detail;
        };
    }
}
