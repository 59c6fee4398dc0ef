/* klipper4j - a Klipper-compatible printer host. GPL-3.0-only. */
package org.klipper4j.core.api.motion;

import java.util.function.DoubleConsumer;

import org.klipper4j.core.api.mcu.Mcu;

/** A stepper motor on an MCU (Klipper's MCU_stepper), created through {@link MotionQueuing#createStepper}. */
public interface Stepper {
    /** The config section name, e.g. {@code stepper_x}. */
    String getName();

    Mcu getMcu();

    int getOid();

    /** Distance per full step pulse (mm, or radians). */
    double getStepDist();

    boolean unitsInRadians();

    /** Connects this stepper to a kinematic function; returns the previous one (or null). */
    StepperKinematics setStepperKinematics(StepperKinematics kinematics);

    StepperKinematics getStepperKinematics();

    /** The trapq whose moves this stepper follows; null detaches it. */
    void setTrapq(TrapQueue trapq);

    TrapQueue getTrapq();

    /** Sets the commanded position from a toolhead XYZ position. */
    void setPosition(double x, double y, double z);

    /** The stepper position the solver has reached (mm). */
    double getCommandedPosition();

    /** The stepper position for a toolhead position, without changing anything. */
    double calcPositionFromCoord(double x, double y, double z);

    /** The MCU position in steps of the last generated step. */
    long getMcuPosition();

    /** The MCU position in steps at a past print time (from step history). */
    long getPastMcuPosition(double printTime);

    /** Converts an MCU step position to a stepper position (mm). */
    double mcuToCommandedPosition(long mcuPos);

    /** True if moves along {@code axis} ('x', 'y' or 'z') move this stepper. */
    boolean isActiveAxis(char axis);

    /** Calls {@code callback} once with the print time of this stepper's next movement. */
    void addActiveCallback(DoubleConsumer callback);

    /**
     * After the MCU stopped this stepper (an endstop triggered): restarts step timing
     * from clock 0 and reads the MCU's step position (Klipper's note_homing_end).
     */
    void noteHomingEnd();

    /** The steps' direction pin is inverted. */
    boolean isDirInverted();

    /**
     * Sets the step pulse duration used when the stepper section has no
     * {@code step_pulse_duration} (Klipper's setup_default_pulse_duration; drivers
     * such as TMC need only 100ns). Must be called before the MCU config is built.
     */
    default void setupDefaultPulseDuration(double pulseDuration, boolean stepBothEdge) {
    }

    /** The dir pin's inversion as configured (before {@link #setDirInverted}). */
    default boolean isOrigDirInverted() {
        return isDirInverted();
    }

    /**
     * Changes the direction inversion at run time (a negative extruder rotation
     * distance); the MCU's current direction is kept. Flush step generation first.
     */
    default void setDirInverted(boolean invert) {
        throw new UnsupportedOperationException("setDirInverted");
    }

    /** [rotation distance, full steps per rotation] (Klipper's get_rotation_distance). */
    default double[] getRotationDistance() {
        throw new UnsupportedOperationException("getRotationDistance");
    }

    /**
     * Changes the distance per rotation (positive), keeping the MCU step position.
     * Flush step generation first.
     */
    default void setRotationDistance(double rotationDist) {
        throw new UnsupportedOperationException("setRotationDistance");
    }

    /**
     * Up to {@code max} of the {@code queue_step} commands this stepper sent that overlap
     * the clocks {@code (startClock, endClock)}, newest first (Klipper's dump_steps).
     */
    default java.util.List<QueuedSteps> dumpSteps(int max, long startClock, long endClock) {
        return java.util.List.of();
    }
}
