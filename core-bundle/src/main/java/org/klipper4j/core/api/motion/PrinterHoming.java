/* klipper4j - a Klipper-compatible printer host. GPL-3.0-only. */
package org.klipper4j.core.api.motion;

import org.klipper4j.core.api.mcu.McuEndstop;

/**
 * Homing services other than G28 (Klipper's {@code homing} object, registered as
 * {@value #NAME}): a probing move for probes.
 */
public interface PrinterHoming {
    String NAME = "homing";

    /**
     * Moves toward {@code pos} at {@code speed} until {@code probe} triggers and returns
     * the toolhead position at the trigger [x, y, z, e, ...]. Throws a command error
     * "Probe triggered prior to movement" or "No trigger on probe after full movement".
     */
    double[] probingMove(McuEndstop probe, double[] pos, double speed);
}
