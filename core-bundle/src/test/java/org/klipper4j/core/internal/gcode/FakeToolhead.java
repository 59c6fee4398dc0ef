/* klipper4j - a Klipper-compatible printer host. GPL-3.0-only. */
package org.klipper4j.core.internal.gcode;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.DoubleConsumer;

import org.klipper4j.core.api.gcode.CommandError;
import org.klipper4j.core.api.motion.Kinematics;
import org.klipper4j.core.api.motion.Toolhead;

/** Records moves; rejects moves beyond {@code limit} on any axis with Klipper's out-of-range wording. */
class FakeToolhead implements Toolhead {
    final List<String> log = new ArrayList<>();
    final List<double[]> moves = new ArrayList<>();
    final List<Double> speeds = new ArrayList<>();
    double[] position = new double[4];
    double limit = 1000;
    /** What getExtraAxes answers (the first stands for the extruder). */
    List<org.klipper4j.core.api.motion.ExtraAxis> extraAxes = List.of();

    @Override
    public List<org.klipper4j.core.api.motion.ExtraAxis> getExtraAxes() {
        return extraAxes;
    }

    @Override
    public double[] getPosition() {
        return position.clone();
    }

    @Override
    public void move(double[] newpos, double speed) {
        for (int i = 0; i < 3; i++) {
            if (Math.abs(newpos[i]) > limit) {
                throw new CommandError(String.format(java.util.Locale.ROOT,
                        "Move out of range: %.3f %.3f %.3f [%.3f]", newpos[0], newpos[1], newpos[2], newpos[3]));
            }
        }
        position = newpos.clone();
        moves.add(newpos.clone());
        speeds.add(speed);
        log.add("move " + Arrays.toString(newpos) + " @" + speed);
    }

    @Override
    public void setPosition(double[] newpos, String homingAxes) {
        position = newpos.clone();
    }

    @Override
    public void manualMove(double[] coord, double speed) {
    }

    @Override
    public void dwell(double delay) {
        log.add("dwell " + delay);
    }

    @Override
    public void waitMoves() {
        log.add("waitMoves");
    }

    @Override
    public double getLastMoveTime() {
        return 1.0;
    }

    @Override
    public void registerLookaheadCallback(DoubleConsumer callback) {
    }

    @Override
    public double[] getMaxVelocity() {
        return new double[] {300, 3000};
    }

    @Override
    public Kinematics getKinematics() {
        return null;
    }
}
