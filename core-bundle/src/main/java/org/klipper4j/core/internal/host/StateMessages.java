/* klipper4j - a Klipper-compatible printer host. GPL-3.0-only. */
package org.klipper4j.core.internal.host;

/**
 * The fixed texts that go with printer states. Front-ends (OctoPrint, Mainsail)
 * show them, so they say the same things as Klipper's and end the same way.
 */
final class StateMessages {
    static final String READY = "Printer is ready";
    static final String STARTUP = "Printer is not ready\n"
            + "The klippy host software is attempting to connect.  Please\n"
            + "retry in a few moments.";
    static final String RESTART_HINT = "Once the underlying issue is corrected, use the \"RESTART\"\n"
            + "command to reload the config and restart the host software.\n"
            + "Printer is halted\n";
    static final String SHUTDOWN_HINT = "Once the underlying issue is corrected, use the\n"
            + "\"FIRMWARE_RESTART\" command to reset the firmware, reload the\n"
            + "config, and restart the host software.\n"
            + "Printer is shutdown\n";

    private StateMessages() {
    }
}
