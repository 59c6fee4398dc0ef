/* klipper4j - a Klipper-compatible printer host. GPL-3.0-only. */
package org.klipper4j.extras.virtualsdcard.api;

import org.klipper4j.core.api.StatusProvider;

/**
 * Control of the file print run by {@code virtual_sdcard}, as Klipper's VirtualSD
 * offers it to pause_resume and sdcard_loop. Registered in the printer as
 * {@code "virtual_sdcard"}; call on the reactor thread.
 */
public interface VirtualSdcardControl extends StatusProvider {

    /** True while the file is being printed (the work timer runs). */
    boolean isActive();

    /** Asks the print to stop after the current line; waits for it unless called from the file itself. */
    void doPause();

    /** Starts or resumes printing the selected file; fails with "SD busy" if already printing. */
    void doResume();

    /** Stops the print, closes the file and notes the job as cancelled. */
    void doCancel();

    /** True while a line read from the file is being run. */
    boolean isCmdFromSd();

    /** The file position after the line now running (where printing continues). */
    long getFilePosition();

    /** Makes printing continue at {@code position} after the line now running (for loops). */
    void setFilePosition(long position);
}
