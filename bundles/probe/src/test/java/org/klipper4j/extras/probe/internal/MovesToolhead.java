/* klipper4j - a Klipper-compatible printer host. GPL-3.0-only. */
package org.klipper4j.extras.probe.internal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.klipper4j.core.api.motion.Homing;
import org.klipper4j.core.api.motion.Kinematics;
import org.klipper4j.core.api.motion.Stepper;
import org.klipper4j.core.api.motion.Toolhead;
import org.klipper4j.core.api.motion.ToolheadMove;

/**
 * A toolhead that records the moves it is asked for (the testkit's FakeToolhead refuses
 * moves): moves take no time, dwells advance the print time, and its kinematics reports
 * the commanded position.
 */
public final class MovesToolhead implements Toolhead {
    /** One requested move: the position after it and its speed. */
    public record Move(double[] pos, double speed) {
        @Override
        public String toString() {
            return Arrays.toString(pos) + "@" + speed;
        }
    }

    public final List<Move> moves = new ArrayList<>();
    public double[] position = {0., 0., 0., 0.};
    public double printTime = 1.0;
    public String homedAxes = "xyz";

    @Override
    public double[] getPosition() {
        return position.clone();
    }

    @Override
    public void move(double[] newpos, double speed) {
        position = Arrays.copyOf(newpos, 4);
        moves.add(new Move(position.clone(), speed));
    }

    @Override
    public void manualMove(double[] coord, double speed) {
        double[] p = position.clone();
        for (int i = 0; i < coord.length; i++) {
            if (!Double.isNaN(coord[i])) {
                p[i] = coord[i];
            }
        }
        move(p, speed);
    }

    @Override
    public void setPosition(double[] newpos, String homingAxes) {
        position = Arrays.copyOf(newpos, 4);
    }

    @Override
    public void dwell(double delay) {
        printTime += delay;
    }

    @Override
    public void waitMoves() {
    }

    @Override
    public double getLastMoveTime() {
        return printTime;
    }

    @Override
    public void registerLookaheadCallback(java.util.function.DoubleConsumer callback) {
        callback.accept(printTime);
    }

    @Override
    public double[] getMaxVelocity() {
        return new double[] {300, 3000};
    }

    @Override
    public void flushStepGeneration() {
    }

    @Override
    public Map<String, Object> getStatus(double eventtime) {
        return Map.of("homed_axes", homedAxes, "max_accel", 3000.);
    }

    @Override
    public Kinematics getKinematics() {
        return new Kinematics() {
            @Override
            public List<Stepper> getSteppers() {
                return List.of();
            }

            @Override
            public double[] calcPosition(Map<String, Double> stepperPositions) {
                return Arrays.copyOf(position, 3);
            }

            @Override
            public void setPosition(double[] newpos, String homingAxes) {
            }

            @Override
            public void clearHomingState(String axes) {
            }

            @Override
            public void checkMove(ToolheadMove move) {
            }

            @Override
            public void home(Homing homing) {
            }

            @Override
            public Map<String, Object> getStatus(double eventtime) {
                return Map.of();
            }
        };
    }
}
