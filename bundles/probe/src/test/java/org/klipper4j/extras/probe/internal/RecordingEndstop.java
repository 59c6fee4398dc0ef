/* klipper4j - a Klipper-compatible printer host. GPL-3.0-only. */
package org.klipper4j.extras.probe.internal;

import java.util.ArrayList;
import java.util.List;

import org.klipper4j.core.api.mcu.Mcu;
import org.klipper4j.core.api.mcu.McuEndstop;
import org.klipper4j.core.api.mcu.PinChip;
import org.klipper4j.core.api.mcu.PinParams;
import org.klipper4j.core.api.reactor.Completion;
import org.klipper4j.testkit.FakeMcu;

/** An endstop that records its checks and reports a trigger at the end of each (a switch that works). */
final class RecordingEndstop implements McuEndstop {
    /** One homeStart: when, and which level it waits for. */
    record Check(double printTime, int sampleCount, double restTime, boolean triggered) {
    }

    final List<Check> checks = new ArrayList<>();
    final List<Object> steppers = new ArrayList<>();
    private final Mcu mcu;
    boolean state;

    RecordingEndstop(Mcu mcu) {
        this.mcu = mcu;
    }

    /** A chip "mcu" making endstops of this kind and everything else through {@code mcu}. */
    static PinChip chipWith(FakeMcu mcu, List<RecordingEndstop> made) {
        return (String type, PinParams params) -> {
            if (type.equals("endstop")) {
                RecordingEndstop e = new RecordingEndstop(mcu);
                made.add(e);
                return e;
            }
            return mcu.setupPin(type, params);
        };
    }

    @Override
    public Mcu getMcu() {
        return mcu;
    }

    @Override
    public void addStepper(Object stepper) {
        steppers.add(stepper);
    }

    @Override
    public List<Object> getSteppers() {
        return steppers;
    }

    @Override
    public Completion<Boolean> homeStart(double printTime, double sampleTime, int sampleCount, double restTime,
            boolean triggered) {
        checks.add(new Check(printTime, sampleCount, restTime, triggered));
        return null;
    }

    @Override
    public double homeWait(double homeEndTime) {
        return homeEndTime;
    }

    @Override
    public boolean queryEndstop(double printTime) {
        return state;
    }
}
