/* klipper4j - a Klipper-compatible printer host. GPL-3.0-only. */
package org.klipper4j.core.api.motion;

import org.klipper4j.core.api.ConfigSection;
import org.klipper4j.core.api.mcu.Mcu;
import org.klipper4j.core.api.reactor.Completion;

/**
 * Step generation and motion flushing for all MCUs (Klipper's {@code motion_queuing}
 * object, registered as {@value #NAME}): owns the trapqs, the steppers and their
 * step compression, and sends steps to the MCUs in time order.
 */
public interface MotionQueuing {
    String NAME = "motion_queuing";

    /** Called at each flush with the flush time and the step generation time. */
    @FunctionalInterface
    interface FlushCallback {
        void onFlush(double flushTime, double stepGenTime);
    }

    TrapQueue allocateTrapq();

    /** Expires every move still on {@code trapq} (after a drip move ends early). */
    void wipeTrapq(TrapQueue trapq);

    /** Creates the stepper of a {@code [stepper_*]}-like section (reads its pin and distance options). */
    Stepper createStepper(ConfigSection config, boolean unitsInRadians);

    /**
     * Creates the rail of a {@code [stepper_*]} section: its stepper, endstop and
     * range/homing options. {@code defaultPositionEndstop} null makes position_endstop
     * required; {@code needPositionMinMax} false skips position_min/max.
     */
    Rail createRail(ConfigSection config, boolean needPositionMinMax, Double defaultPositionEndstop,
            boolean unitsInRadians);

    /** Steppers created so far, in creation order. */
    java.util.List<Stepper> getSteppers();

    /** {@code canAddTrapq} callbacks run first (they may add moves before steps are generated). */
    void registerFlushCallback(FlushCallback callback, boolean canAddTrapq);

    /** Notes that moves were queued up to {@code mqTime}; kicks the background flush. */
    void noteMcuMovequeueActivity(double mqTime, boolean isStepGen);

    /** Generates and sends every step of every queued move. */
    void flushAllSteps();

    /** The earliest print time at which new moves can start after idle. */
    double calcStepGenRestart(double estPrintTime);

    /** How far behind queued moves step generation lags (seconds). */
    double getKinFlushDelay();

    /** Recomputes the scan window after a stepper kinematics change. */
    void checkStepGenerationScanWindows();

    /** Sends a homing move's steps in small segments until {@code dripCompletion} completes. */
    void dripUpdateTime(double startTime, double endTime, Completion<?> dripCompletion);

    /** Tells the step sync of {@code mcu} how many moves the firmware can queue (from its config). */
    void setupMcuMovequeue(Mcu mcu, int moveCount);

    /** Updates the print-time-to-clock conversion of {@code mcu} (after clock calibration). */
    void setMcuTime(Mcu mcu, double timeOffset, double mcuFreq);
}
