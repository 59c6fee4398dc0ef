/* klipper4j - a Klipper-compatible printer host. GPL-3.0-only. */
package org.klipper4j.core.api.motion;

import java.util.List;

import org.klipper4j.core.api.mcu.McuEndstop;

/**
 * Homing services other than G28 (Klipper's {@code homing} object, registered as
 * {@value #NAME}): a probing move for probes, a homing move for steppers outside the
 * kinematics.
 */
public interface PrinterHoming {
    String NAME = "homing";

    /**
     * Moves toward {@code pos} at {@code speed} until {@code probe} triggers and returns
     * the toolhead position at the trigger [x, y, z, e, ...]. Throws a command error
     * "Probe triggered prior to movement" or "No trigger on probe after full movement".
     */
    double[] probingMove(McuEndstop probe, double[] pos, double speed);

    /**
     * A homing move of something that poses as a toolhead (Klipper's {@code manual_home},
     * used by manual_stepper): moves {@code toolhead} toward {@code pos} until
     * {@code endstops} trigger ({@code triggered} false: until they release), then sets its
     * position to where its steppers halted. Throws "No trigger on NAME after full movement"
     * if {@code checkTriggered} and an endstop did not trigger, or "Homing failed due to
     * printer shutdown".
     */
    default void manualHome(Toolhead toolhead, List<Rail.NamedEndstop> endstops, double[] pos, double speed,
            boolean triggered, boolean checkTriggered) {
        throw new UnsupportedOperationException("manualHome");
    }
}
