/* klipper4j - a Klipper-compatible printer host. GPL-3.0-only. */
package org.klipper4j.extras.heaters.internal;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import org.klipper4j.core.api.Bounds;
import org.klipper4j.core.api.ConfigSection;
import org.klipper4j.core.api.Printer;
import org.klipper4j.core.api.PrinterEvents;
import org.klipper4j.core.api.StatsSource;
import org.klipper4j.core.api.gcode.CommandError;
import org.klipper4j.core.api.mcu.McuPwm;
import org.klipper4j.core.api.mcu.Pins;
import org.klipper4j.extras.heaters.api.Heater;
import org.klipper4j.extras.heaters.api.HeaterControl;
import org.klipper4j.extras.heaters.api.TemperatureSensor;

/**
 * One heater: a sensor, a control algorithm and a PWM output. Measurements arrive
 * from the sensor; the control decides the power; the power goes to the MCU with a
 * max_duration so the MCU turns the heater off if the host stops updating it.
 */
final class HeaterImpl implements Heater, StatsSource {
    static final double KELVIN_TO_CELSIUS = -273.15;
    /** The MCU turns the heater off if the host has not refreshed it within this time. */
    static final double MAX_HEAT_TIME = 3.0;
    /** Temperatures older than this are reported as 0 (the sensor stopped reporting). */
    static final double QUELL_STALE_TIME = 7.0;

    private final Printer printer;
    private final String name;
    private final String sectionName;
    private final double minTemp;
    private final double maxTemp;
    private final double minExtrudeTemp;
    private final double maxPower;
    private final double smoothTime;
    private final double pwmDelay;
    private final McuPwm pwm;
    private HeaterControl control;
    private boolean canExtrude;
    private boolean shutdown;
    private double lastTemp;
    private double smoothedTemp;
    private double targetTemp;
    private double lastTempTime;
    private double nextPwmTime;
    private double lastPwmValue;

    HeaterImpl(ConfigSection config, TemperatureSensor sensor) {
        printer = config.getPrinter();
        sectionName = config.getName();
        String[] words = sectionName.trim().split("\\s+");
        name = words[words.length - 1];
        minTemp = RequiredOptions.getFloat(config, "min_temp", Bounds.min(KELVIN_TO_CELSIUS));
        maxTemp = RequiredOptions.getFloat(config, "max_temp", Bounds.above(minTemp));
        sensor.setupMinMax(minTemp, maxTemp);
        sensor.setupCallback(this::onTemperature);
        pwmDelay = sensor.getReportTimeDelta();
        minExtrudeTemp = config.getFloat("min_extrude_temp", 170., Bounds.range(minTemp, maxTemp));
        canExtrude = minExtrudeTemp <= 0. || BatchMode.of(printer);
        maxPower = config.getFloat("max_power", 1., Bounds.above(0.).andMax(1.));
        smoothTime = config.getFloat("smooth_time", 1., Bounds.above(0.));
        Map<String, String> algos = new LinkedHashMap<>();
        algos.put("watermark", "watermark");
        algos.put("pid", "pid");
        String algo = config.getChoice("control", algos, null);
        if (algo == null) {
            config.get("control"); // throws Klipper's "must be specified" error
        }
        control = algo.equals("pid") ? new PidControl(this, config) : new WatermarkControl(this, config);
        String heaterPin = config.get("heater_pin");
        double cycleTime = config.getFloat("pwm_cycle_time", 0.100, Bounds.above(0.).andMax(pwmDelay));
        pwm = (McuPwm) printer.lookupObject("pins", Pins.class).setupPin("pwm", heaterPin);
        pwm.setupCycleTime(cycleTime, false);
        pwm.setupMaxDuration(MAX_HEAT_TIME);
        printer.registerEventHandler(PrinterEvents.SHUTDOWN, args -> onShutdown());
    }

    private synchronized void onShutdown() {
        shutdown = true;
    }

    /** A measurement from the sensor: run the control and update the smoothed temperature. */
    synchronized void onTemperature(double readTime, double temp) {
        double timeDiff = readTime - lastTempTime;
        lastTemp = temp;
        lastTempTime = readTime;
        control.temperatureUpdate(readTime, temp, targetTemp);
        double adjTime = Math.min(timeDiff / smoothTime, 1.);
        smoothedTemp += (temp - smoothedTemp) * adjTime;
        canExtrude = smoothedTemp >= minExtrudeTemp;
    }

    @Override
    public synchronized void setPwm(double readTime, double value) {
        double v = targetTemp <= 0. || shutdown ? 0. : value;
        if ((readTime < nextPwmTime || lastPwmValue == 0.) && Math.abs(v - lastPwmValue) < 0.05) {
            return; // no significant change: skip the update (but refresh before max_duration runs out)
        }
        double pwmTime = readTime + pwmDelay;
        nextPwmTime = pwmTime + 0.75 * MAX_HEAT_TIME;
        lastPwmValue = v;
        pwm.setPwm(pwmTime, v);
    }

    @Override
    public String getName() {
        return name;
    }

    /** Its part of the periodic Stats line; active while it has a target or is still hot. */
    @Override
    public synchronized Stats stats(double eventtime) {
        boolean active = targetTemp != 0. || lastTemp > 50.;
        return new Stats(active, String.format(Locale.ROOT, "%s: target=%.0f temp=%.1f pwm=%.3f", name, targetTemp,
                lastTemp, lastPwmValue));
    }

    String getSectionName() {
        return sectionName;
    }

    @Override
    public synchronized void setTemp(double degrees) {
        if (degrees != 0. && (degrees < minTemp || degrees > maxTemp)) {
            throw new CommandError(String.format(Locale.ROOT, "Requested temperature (%s) out of range (%s:%s)",
                    PyFormat.fixed(degrees, 1), PyFormat.fixed(minTemp, 1), PyFormat.fixed(maxTemp, 1)));
        }
        targetTemp = degrees;
    }

    @Override
    public synchronized double[] getTemp(double eventtime) {
        double printTime = pwm.getMcu().estimatedPrintTime(eventtime);
        if (lastTempTime < printTime - QUELL_STALE_TIME) {
            return new double[] {0., targetTemp};
        }
        return new double[] {smoothedTemp, targetTemp};
    }

    @Override
    public synchronized boolean checkBusy(double eventtime) {
        return control.checkBusy(eventtime, smoothedTemp, targetTemp);
    }

    @Override
    public synchronized boolean canExtrude() {
        return canExtrude;
    }

    @Override
    public double getMinExtrudeTemp() {
        return minExtrudeTemp;
    }

    @Override
    public double getMaxPower() {
        return maxPower;
    }

    @Override
    public double getPwmDelay() {
        return pwmDelay;
    }

    @Override
    public double getSmoothTime() {
        return smoothTime;
    }

    @Override
    public synchronized void alterTarget(double target) {
        targetTemp = target != 0. ? Math.max(minTemp, Math.min(maxTemp, target)) : target;
    }

    @Override
    public synchronized HeaterControl setControl(HeaterControl newControl) {
        HeaterControl old = control;
        control = newControl;
        targetTemp = 0.;
        return old;
    }

    @Override
    public synchronized Map<String, Object> getStatus(double eventtime) {
        Map<String, Object> status = new LinkedHashMap<>();
        status.put("temperature", PyFormat.round(smoothedTemp, 2));
        status.put("target", targetTemp);
        status.put("power", lastPwmValue);
        return status;
    }
}
