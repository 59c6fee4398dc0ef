/* klipper4j - a Klipper-compatible printer host. GPL-3.0-only. */
package org.klipper4j.extras.printstats.api;

import org.klipper4j.core.api.StatusProvider;

/**
 * Print job statistics, as Klipper's {@code print_stats} object: the state of the
 * current job and its durations and filament use. Registered in the printer as
 * {@code "print_stats"}; call on the reactor thread.
 */
public interface PrintStats extends StatusProvider {

    /** Job states as reported in the {@code state} status field. */
    String STANDBY = "standby";
    String PRINTING = "printing";
    String PAUSED = "paused";
    String COMPLETE = "complete";
    String CANCELLED = "cancelled";
    String ERROR = "error";

    /** Events sent on the printer, as Klipper's. */
    String EVENT_START = "print_stats:start_printing";
    String EVENT_PAUSED = "print_stats:paused_printing";
    String EVENT_COMPLETE = "print_stats:complete_printing";
    String EVENT_CANCELLED = "print_stats:cancelled_printing";

    /** Resets the statistics and names the file of the next job. */
    void setCurrentFile(String filename);

    /** The job starts or resumes printing. */
    void noteStart();

    /** The job pauses (ignored for the state if it is in error). */
    void notePause();

    /** The job finished normally. */
    void noteComplete();

    /** The job was cancelled. */
    void noteCancel();

    /** The job stopped on an error; {@code message} becomes the status message. */
    void noteError(String message);

    /** Back to standby with all statistics cleared. */
    void reset();

    /** The current state, one of the constants above. */
    String getState();

    /** The current file name, empty if none. */
    String getFilename();
}
