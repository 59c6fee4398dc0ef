/* klipper4j - a Klipper-compatible printer host. GPL-3.0-only. */
package org.klipper4j.extras.heaters.internal;

import org.klipper4j.core.api.reactor.Reactor;
import org.klipper4j.testkit.FakeAdc;
import org.klipper4j.testkit.FakePwm;
import org.klipper4j.testkit.FakeReactor;

/**
 * A simulated heater block: first-order heating and cooling to ambient, and a sensor
 * that lags the block. Its thermistor is an ideal beta-3950 100k on a 4.7k pullup,
 * computed here independently of the code under test. It reports to the ADC every
 * 0.3 s of simulated time using the PWM value the heater scheduled for that time.
 */
final class ThermalPlant {
    static final double AMBIENT = 25.;
    static final double BETA = 3950.;
    static final double PULLUP = 4700.;

    private final FakeAdc adc;
    private final FakePwm pwm;
    /** Degrees per second at full power. */
    double heatingRate;
    /** Seconds of the cooling time constant. */
    double coolingTau;
    /** Seconds the sensor lags the block. */
    double sensorLag = 2.;
    double blockTemp = AMBIENT;
    double sensorTemp = AMBIENT;
    /** The heater no longer warms the block (fell off, wire broke). */
    boolean heaterFailed;
    /** The thermistor is disconnected: the ADC reads the pullup's full scale. */
    boolean sensorOpen;
    /** The thermistor wires touch: the ADC reads zero. */
    boolean sensorShorted;
    private double lastPrintTime = Double.NaN;
    /** Stands in for the firmware's range check: called with its reason after enough bad reports. */
    java.util.function.Consumer<String> mcuShutdown = reason -> { };
    private int outOfRangeReports;

    ThermalPlant(FakeReactor reactor, FakeAdc adc, FakePwm pwm, double heatingRate, double coolingTau) {
        this.adc = adc;
        this.pwm = pwm;
        this.heatingRate = heatingRate;
        this.coolingTau = coolingTau;
        reactor.registerTimer(this::tick, Reactor.NOW);
    }

    /** Ideal beta thermistor: R = 100k * exp(B (1/T - 1/298.15)), divider R / (R + pullup). */
    static double adcFor(double tempC) {
        double r = 100000. * Math.exp(BETA * (1. / (tempC + 273.15) - 1. / 298.15));
        return r / (r + PULLUP);
    }

    private double tick(double eventtime) {
        double printTime = adc.getMcu().estimatedPrintTime(eventtime);
        if (!Double.isNaN(lastPrintTime)) {
            double step = 0.01;
            for (double t = lastPrintTime; t < printTime - 1e-9; t += step) {
                double power = heaterFailed ? 0. : pwm.valueAt(t);
                blockTemp += (heatingRate * power - (blockTemp - AMBIENT) / coolingTau) * step;
                sensorTemp += (blockTemp - sensorTemp) / sensorLag * step;
            }
        }
        lastPrintTime = printTime;
        double value = sensorShorted ? 0. : sensorOpen ? 0.99999 : adcFor(sensorTemp);
        // As the firmware: too many reports in a row outside the configured range shut the MCU down.
        outOfRangeReports = adc.outOfRange(value) ? outOfRangeReports + 1 : 0;
        if (adc.rangeCheckCount > 0 && outOfRangeReports >= adc.rangeCheckCount) {
            mcuShutdown.accept("ADC out of range");
        }
        adc.report(printTime, value);
        return eventtime + AdcTemperatureSensor.REPORT_TIME;
    }
}
