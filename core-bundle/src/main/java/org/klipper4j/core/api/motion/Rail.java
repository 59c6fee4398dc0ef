/* klipper4j - a Klipper-compatible printer host. GPL-3.0-only. */
package org.klipper4j.core.api.motion;

import java.util.List;

import org.klipper4j.core.api.mcu.McuEndstop;

/**
 * An axis rail: one or more steppers moving together with their endstops and
 * travel limits (Klipper's PrinterRail), created by {@link MotionQueuing#createRail}.
 */
public interface Rail {
    /** How an axis homes. */
    record HomingInfo(double speed, double positionEndstop, double retractSpeed, double retractDist,
            boolean positiveDir, double secondHomingSpeed) {
    }

    /** An endstop and its name (the stepper section it came from). */
    record NamedEndstop(McuEndstop endstop, String name) {
    }

    /** The first stepper's section name, e.g. {@code stepper_x}. */
    String getName();

    /** [position_min, position_max]. */
    double[] getRange();

    HomingInfo getHomingInfo();

    List<Stepper> getSteppers();

    List<NamedEndstop> getEndstops();

    /** Connects every stepper to the kinematic function {@code factory} makes for each. */
    void setStepperKinematics(java.util.function.Function<Stepper, StepperKinematics> factory);

    void setTrapq(TrapQueue trapq);

    void setPosition(double x, double y, double z);

    /** Adds the stepper of another section (e.g. {@code stepper_z1}) moving with this rail. */
    void addExtraStepper(org.klipper4j.core.api.ConfigSection config);
}
