/* klipper4j - a Klipper-compatible printer host. GPL-3.0-only. */
package org.klipper4j.extras.heaters.fakes;

import java.util.ArrayList;
import java.util.List;

import org.klipper4j.core.api.mcu.Mcu;
import org.klipper4j.core.api.mcu.McuPwm;

/** A PWM output that records its setup and every scheduled {print time, value}. */
public final class FakePwm implements McuPwm {
    private final Mcu mcu;
    public double maxDuration;
    public double cycleTime;
    public boolean hardwarePwm;
    public final List<double[]> updates = new ArrayList<>();

    FakePwm(Mcu mcu) {
        this.mcu = mcu;
    }

    @Override
    public Mcu getMcu() {
        return mcu;
    }

    @Override
    public void setupMaxDuration(double maxDuration) {
        this.maxDuration = maxDuration;
    }

    @Override
    public void setupCycleTime(double cycleTime, boolean hardwarePwm) {
        this.cycleTime = cycleTime;
        this.hardwarePwm = hardwarePwm;
    }

    @Override
    public void setupStartValue(double startValue, double shutdownValue) {
    }

    @Override
    public void setPwm(double printTime, double value) {
        updates.add(new double[] {printTime, value});
    }

    /** The value in effect at a print time (0 before the first update). */
    public double valueAt(double printTime) {
        double v = 0.;
        for (double[] u : updates) {
            if (u[0] <= printTime) {
                v = u[1];
            }
        }
        return v;
    }
}
