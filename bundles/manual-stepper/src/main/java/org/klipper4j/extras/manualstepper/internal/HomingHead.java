/* klipper4j - a Klipper-compatible printer host. GPL-3.0-only. */
package org.klipper4j.extras.manualstepper.internal;

import java.util.List;
import java.util.Map;
import java.util.function.DoubleConsumer;

import org.klipper4j.core.api.motion.Homing;
import org.klipper4j.core.api.motion.Kinematics;
import org.klipper4j.core.api.motion.Stepper;
import org.klipper4j.core.api.motion.Toolhead;
import org.klipper4j.core.api.motion.ToolheadMove;
import org.klipper4j.core.api.reactor.Completion;

/**
 * A manual stepper posing as the toolhead of a homing move, as Klipper's manual_stepper
 * does for {@code manual_home}: its position is X, its time is the stepper's own command
 * time, and its kinematics maps its rail's stepper to X. Only what a homing move uses works.
 */
final class HomingHead implements Toolhead {
    private final ManualStepper stepper;
    private final String railName;
    private final Kinematics kinematics = new RailKinematics();

    HomingHead(ManualStepper stepper, String railName) {
        this.stepper = stepper;
        this.railName = railName;
    }

    @Override
    public double[] getPosition() {
        return new double[] {stepper.getPosition(), 0., 0., 0.};
    }

    @Override
    public void setPosition(double[] newpos, String homingAxes) {
        stepper.setPositionAfterHoming(newpos[0]);
    }

    @Override
    public void flushStepGeneration() {
        stepper.syncPrintTime();
    }

    @Override
    public double getLastMoveTime() {
        return stepper.getLastMoveTime();
    }

    @Override
    public void dwell(double delay) {
        stepper.dwell(delay);
    }

    @Override
    public void dripMove(double[] newpos, double speed, Completion<?> dripCompletion) {
        stepper.dripMove(newpos[0], speed, dripCompletion);
    }

    @Override
    public Kinematics getKinematics() {
        return kinematics;
    }

    @Override
    public void move(double[] newpos, double speed) {
        throw new UnsupportedOperationException("move");
    }

    @Override
    public void manualMove(double[] coord, double speed) {
        throw new UnsupportedOperationException("manualMove");
    }

    @Override
    public void waitMoves() {
        stepper.syncPrintTime();
    }

    @Override
    public void registerLookaheadCallback(DoubleConsumer callback) {
        throw new UnsupportedOperationException("registerLookaheadCallback");
    }

    @Override
    public double[] getMaxVelocity() {
        throw new UnsupportedOperationException("getMaxVelocity");
    }

    /** The stepper's rail as the only axis, X. */
    private final class RailKinematics implements Kinematics {
        @Override
        public List<Stepper> getSteppers() {
            return stepper.getSteppers();
        }

        @Override
        public double[] calcPosition(Map<String, Double> stepperPositions) {
            return new double[] {stepperPositions.get(railName), 0., 0.};
        }

        @Override
        public void setPosition(double[] newpos, String homingAxes) {
            throw new UnsupportedOperationException("setPosition");
        }

        @Override
        public void clearHomingState(String axes) {
            throw new UnsupportedOperationException("clearHomingState");
        }

        @Override
        public void checkMove(ToolheadMove move) {
            throw new UnsupportedOperationException("checkMove");
        }

        @Override
        public void home(Homing homing) {
            throw new UnsupportedOperationException("home");
        }

        @Override
        public Map<String, Object> getStatus(double eventtime) {
            return Map.of();
        }
    }
}
