/* klipper4j - a Klipper-compatible printer host. GPL-3.0-only. */
package org.klipper4j.extras.heaters.internal;

import org.klipper4j.core.api.Printer;

/** Whether the host writes MCU output to a file (Klipper's debugoutput): no waits, no heater checks. */
final class BatchMode {
    private BatchMode() {
    }

    static boolean of(Printer printer) {
        return printer.getStartArgs() != null && printer.getStartArgs().isBatch();
    }
}
