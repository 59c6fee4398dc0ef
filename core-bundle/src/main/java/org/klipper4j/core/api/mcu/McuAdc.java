/* klipper4j - a Klipper-compatible printer host. GPL-3.0-only. */
package org.klipper4j.core.api.mcu;

/** An analog input (Klipper's MCU_adc): the MCU samples and reports; values are 0..1 of full scale. */
public interface McuAdc {
    /** Receives each report: the time it was sampled (print time) and the averaged value 0..1. */
    @FunctionalInterface
    interface Callback {
        void onSample(double readTime, double value);
    }

    Mcu getMcu();

    /**
     * Sampling: {@code sampleCount} samples {@code sampleTime} apart per report;
     * outside {@code minval..maxval} for {@code rangeCheckCount} reports the MCU shuts down on its own.
     */
    void setupAdcSample(double sampleTime, int sampleCount, double minval, double maxval, int rangeCheckCount);

    void setupAdcCallback(double reportTime, Callback callback);

    /** The last report as {readTime, value}. */
    double[] getLastValue();
}
