/* klipper4j - a Klipper-compatible printer host. GPL-3.0-only. */
package org.klipper4j.testkit;

import org.klipper4j.core.api.mcu.Mcu;
import org.klipper4j.core.api.mcu.McuAdc;
import org.klipper4j.core.api.mcu.PinParams;

/** An analog input a test feeds; keeps the sampling setup so tests can check the range limits. */
public final class FakeAdc extends FakePin implements McuAdc {
    public double sampleTime;
    public int sampleCount;
    public double minval = Double.NaN;
    public double maxval = Double.NaN;
    public int rangeCheckCount;
    public double reportTime;
    private Callback callback;
    private double[] lastValue = {0., 0.};

    FakeAdc(Mcu mcu, PinParams params) {
        super(mcu, params);
    }

    @Override
    public void setupAdcSample(double sampleTime, int sampleCount, double minval, double maxval,
            int rangeCheckCount) {
        this.sampleTime = sampleTime;
        this.sampleCount = sampleCount;
        this.minval = minval;
        this.maxval = maxval;
        this.rangeCheckCount = rangeCheckCount;
    }

    @Override
    public void setupAdcCallback(double reportTime, Callback callback) {
        this.reportTime = reportTime;
        this.callback = callback;
    }

    /** Delivers one report, as the MCU's analog_in_state would. */
    public void report(double readTime, double value) {
        lastValue = new double[] {value, readTime};
        callback.onSample(readTime, value);
    }

    /** True if the MCU's range check would count this value as out of range. */
    public boolean outOfRange(double value) {
        return value < minval || value > maxval;
    }

    @Override
    public double[] getLastValue() {
        return lastValue.clone();
    }
}
