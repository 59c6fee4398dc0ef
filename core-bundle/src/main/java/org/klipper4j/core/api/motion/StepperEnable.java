/* klipper4j - a Klipper-compatible printer host. GPL-3.0-only. */
package org.klipper4j.core.api.motion;

import java.util.List;

/** Stepper enable lines (Klipper's {@code stepper_enable} object, registered as {@value #NAME}). */
public interface StepperEnable {
    String NAME = "stepper_enable";

    /** Disables every motor and clears the homed state (M84). */
    void motorOff();

    /** Enables or disables the named steppers; true if any changed. */
    boolean setMotorsEnable(List<String> stepperNames, boolean enable);

    /** Names of the steppers with enable tracking. */
    List<String> getSteppers();

    boolean isMotorEnabled(String stepperName);
}
