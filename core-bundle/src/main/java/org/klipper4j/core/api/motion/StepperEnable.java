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

    /** Called with (print time, enabled) when a stepper's enable state changes (Klipper's enable state callbacks). */
    @FunctionalInterface
    interface StateCallback {
        void onStateChange(double printTime, boolean enabled);
    }

    /** Adds a callback for {@code stepperName}'s enable changes; used by drivers that enable in software (TMC toff). */
    default void registerStateCallback(String stepperName, StateCallback callback) {
        throw new UnsupportedOperationException("registerStateCallback");
    }

    /** True if the stepper has an enable pin of its own (not shared, not absent). */
    default boolean hasDedicatedEnable(String stepperName) {
        return true;
    }
}
