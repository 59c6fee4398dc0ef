/* klipper4j - a Klipper-compatible printer host. GPL-3.0-only. */
package org.klipper4j.extras.heaters.internal;

import org.klipper4j.core.api.ConfigSection;
import org.klipper4j.core.api.mcu.McuAdc;
import org.klipper4j.core.api.mcu.Pins;
import org.klipper4j.extras.heaters.api.TemperatureCallback;
import org.klipper4j.extras.heaters.api.TemperatureSensor;

/** A sensor read through an MCU analog pin ({@code sensor_pin}) and an ADC-to-temperature conversion. */
final class AdcTemperatureSensor implements TemperatureSensor {
    static final double SAMPLE_TIME = 0.001;
    static final int SAMPLE_COUNT = 8;
    static final double REPORT_TIME = 0.300;
    static final int RANGE_CHECK_COUNT = 4;

    private final AdcConverter converter;
    private final McuAdc adc;
    private TemperatureCallback callback = (t, v) -> { };

    AdcTemperatureSensor(ConfigSection config, AdcConverter converter) {
        this.converter = converter;
        Pins pins = config.getPrinter().lookupObject("pins", Pins.class);
        adc = (McuAdc) pins.setupPin("adc", config.get("sensor_pin"));
        adc.setupAdcCallback(REPORT_TIME, this::onAdc);
    }

    private void onAdc(double readTime, double value) {
        // The report carries the time of the first sample; the value is the average of all of them.
        callback.onTemperature(readTime + SAMPLE_COUNT * SAMPLE_TIME, converter.calcTemp(value));
    }

    @Override
    public void setupMinMax(double minTemp, double maxTemp) {
        double a = converter.calcAdc(minTemp);
        double b = converter.calcAdc(maxTemp);
        adc.setupAdcSample(SAMPLE_TIME, SAMPLE_COUNT, Math.min(a, b), Math.max(a, b), RANGE_CHECK_COUNT);
    }

    @Override
    public void setupCallback(TemperatureCallback callback) {
        this.callback = callback;
    }

    @Override
    public double getReportTimeDelta() {
        return REPORT_TIME;
    }
}
