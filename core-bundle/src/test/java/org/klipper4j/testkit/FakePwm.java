/* klipper4j - a Klipper-compatible printer host. GPL-3.0-only. */
package org.klipper4j.testkit;

import java.util.ArrayList;
import java.util.List;
import java.util.function.DoubleUnaryOperator;

import org.klipper4j.core.api.mcu.Mcu;
import org.klipper4j.core.api.mcu.McuPwm;
import org.klipper4j.core.api.mcu.PinParams;

/** A PWM pin that records its setup and every (print time, value) it is set to. */
public final class FakePwm extends FakePin implements McuPwm {
    /** One update. */
    public record Update(double printTime, double value) {
    }

    public double maxDuration = -1;
    public double cycleTime = -1;
    public boolean hardwarePwm;
    public double startValue = -1;
    public double shutdownValue = -1;
    public final List<Update> updates = new ArrayList<>();
    /** What {@link #nextAlignedPrintTime} answers for a print time (no alignment by default). */
    public DoubleUnaryOperator alignment = t -> t;

    FakePwm(Mcu mcu, PinParams params) {
        super(mcu, params);
    }

    @Override
    public void setupMaxDuration(double seconds) {
        maxDuration = seconds;
    }

    @Override
    public void setupCycleTime(double seconds, boolean hardware) {
        cycleTime = seconds;
        hardwarePwm = hardware;
    }

    @Override
    public void setupStartValue(double start, double shutdown) {
        startValue = start;
        shutdownValue = shutdown;
    }

    @Override
    public void setPwm(double printTime, double value) {
        updates.add(new Update(printTime, value));
    }

    /** The value in effect at a print time (0 before the first update). */
    public double valueAt(double printTime) {
        double v = 0.;
        for (Update u : updates) {
            if (u.printTime() <= printTime) {
                v = u.value();
            }
        }
        return v;
    }

    @Override
    public double nextAlignedPrintTime(double printTime, double allowEarly) {
        return alignment.applyAsDouble(printTime);
    }
}
