/* klipper4j - a Klipper-compatible printer host. GPL-3.0-only. */
package org.klipper4j.testkit;

import java.util.function.DoubleConsumer;
import org.klipper4j.core.api.mcu.Mcu;
import org.klipper4j.core.api.motion.Stepper;
import org.klipper4j.core.api.motion.StepperKinematics;
import org.klipper4j.core.api.motion.TrapQueue;

/** A stepper that only remembers what it was connected to and where it was set. */
public final class FakeStepper implements Stepper {
    public final String name;
    public StepperKinematics kinematics;
    public TrapQueue trapq;
    public double position;

    public FakeStepper(String name) {
        this.name = name;
    }

    @Override
    public String getName() {
        return name;
    }

    @Override
    public Mcu getMcu() {
        return null;
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
        return false;
    }
}
