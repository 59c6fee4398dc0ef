/* klipper4j - a Klipper-compatible printer host. GPL-3.0-only. */
package org.klipper4j.testkit;

import java.util.ArrayList;
import java.util.List;
import java.util.function.DoubleConsumer;
import org.klipper4j.core.api.mcu.Mcu;
import org.klipper4j.core.api.motion.QueuedSteps;
import org.klipper4j.core.api.motion.Stepper;
import org.klipper4j.core.api.motion.StepperKinematics;
import org.klipper4j.core.api.motion.TrapQueue;

/** A stepper that only remembers what it was connected to and where it was set. */
public final class FakeStepper implements Stepper {
    public final String name;
    public StepperKinematics kinematics;
    public TrapQueue trapq;
    public double position;
    /** Returned by {@link #getMcu()}; null unless a test sets it. */
    public Mcu mcu;
    public boolean dirInverted;
    /** The queue_step history {@link #dumpSteps} reads, oldest first. */
    public final List<QueuedSteps> sentSteps = new ArrayList<>();

    public FakeStepper(String name) {
        this.name = name;
    }

    @Override
    public String getName() {
        return name;
    }

    @Override
    public Mcu getMcu() {
        return mcu;
    }

    @Override
    public int getOid() {
        return 0;
    }

    @Override
    public double getStepDist() {
        return 0.0125;
    }

    @Override
    public boolean unitsInRadians() {
        return false;
    }

    @Override
    public StepperKinematics setStepperKinematics(StepperKinematics k) {
        StepperKinematics previous = kinematics;
        kinematics = k;
        return previous;
    }

    @Override
    public StepperKinematics getStepperKinematics() {
        return kinematics;
    }

    @Override
    public void setTrapq(TrapQueue t) {
        trapq = t;
    }

    @Override
    public TrapQueue getTrapq() {
        return trapq;
    }

    @Override
    public void setPosition(double x, double y, double z) {
        position = x;
    }

    @Override
    public double getCommandedPosition() {
        return position;
    }

    @Override
    public double calcPositionFromCoord(double x, double y, double z) {
        return x;
    }

    @Override
    public long getMcuPosition() {
        return Math.round(position / getStepDist());
    }

    @Override
    public long getPastMcuPosition(double printTime) {
        return getMcuPosition();
    }

    @Override
    public double mcuToCommandedPosition(long mcuPos) {
        return mcuPos * getStepDist();
    }

    @Override
    public boolean isActiveAxis(char axis) {
        return axis == 'x';
    }

    @Override
    public void addActiveCallback(DoubleConsumer callback) {
    }

    @Override
    public void noteHomingEnd() {
    }

    @Override
    public boolean isDirInverted() {
        return dirInverted;
    }

    @Override
    public List<QueuedSteps> dumpSteps(int max, long startClock, long endClock) {
        List<QueuedSteps> out = new ArrayList<>();
        for (int i = sentSteps.size() - 1; i >= 0 && out.size() < max; i--) {
            QueuedSteps s = sentSteps.get(i);
            if (startClock >= s.lastClock()) {
                break;
            }
            if (endClock > s.firstClock()) {
                out.add(s);
            }
        }
        return out;
    }
}
