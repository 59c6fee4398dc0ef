/* klipper4j - a Klipper-compatible printer host. GPL-3.0-only. */
package org.klipper4j.extras.fan.internal;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

import org.klipper4j.core.api.Bounds;
import org.klipper4j.core.api.ConfigSection;
import org.klipper4j.core.api.Printer;
import org.klipper4j.core.api.StatusProvider;
import org.klipper4j.core.api.gcode.GCodeCommand;
import org.klipper4j.core.api.gcode.GCodeDispatch;
import org.klipper4j.extras.fan.api.FanControl;
import org.klipper4j.extras.fan.api.Fans;
import org.klipper4j.extras.heaters.api.Heaters;
import org.klipper4j.extras.heaters.api.TemperatureSensor;
import org.klipper4j.extras.heaters.api.TemperatureSource;

/**
 * {@code [temperature_fan NAME]}: a fan that holds its own sensor's temperature at a
 * target by cooling (watermark or PID control), between min_speed and max_speed.
 */
final class TemperatureFan implements TemperatureSource, StatusProvider {
    static final double KELVIN_TO_CELSIUS = -273.15;
    /** The MCU turns a fan off after this long without an update; refresh well before. */
    static final double MAX_FAN_TIME = 5.0;
    static final String SET_TARGET_HELP = "Sets a temperature fan target and fan speed limits";

    private final FanControl fan;
    private final double minTemp;
    private final double maxTemp;
    private final double speedDelay;
    private final double targetTempConf;
    private final FanSpeedControl control;
    private double maxSpeed;
    private double minSpeed;
    private double targetTemp;
    private double lastTemp;
    private double nextSpeedTime;
    private double lastSpeedValue;

    TemperatureFan(ConfigSection config) {
        Printer printer = config.getPrinter();
        String[] words = config.getName().trim().split("\\s+");
        String name = words[words.length - 1];
        // a temperature fan runs at full speed on shutdown unless told otherwise
        fan = Fans.create(config, 1.);
        minTemp = config.getFloat("min_temp", null, Bounds.min(KELVIN_TO_CELSIUS));
        maxTemp = config.getFloat("max_temp", null, Bounds.above(minTemp));
        Heaters heaters = (Heaters) printer.loadObject(config, "heaters");
        TemperatureSensor sensor = heaters.setupSensor(config);
        sensor.setupMinMax(minTemp, maxTemp);
        sensor.setupCallback(this::onTemperature);
        heaters.registerSensor(config, this, null);
        speedDelay = sensor.getReportTimeDelta();
        maxSpeed = config.getFloat("max_speed", 1., Bounds.above(0.).andMax(1.));
        minSpeed = config.getFloat("min_speed", 0.3, Bounds.range(0., 1.));
        targetTempConf = config.getFloat("target_temp", maxTemp > 40. ? 40. : maxTemp,
                Bounds.range(minTemp, maxTemp));
        targetTemp = targetTempConf;
        config.get("control"); // required: names the missing option the way Klipper does
        Map<String, FanControlFactory> algorithms = Map.of(
                "watermark", FanWatermarkControl::new,
                "pid", FanPidControl::new);
        control = config.getChoice("control", algorithms, null).create(this, config);
        GCodeDispatch gcode = printer.lookupObject("gcode", GCodeDispatch.class);
        gcode.registerMuxCommand("SET_TEMPERATURE_FAN_TARGET", "TEMPERATURE_FAN", name,
                this::cmdSetTemperatureFanTarget, SET_TARGET_HELP);
    }

    /** Builds a control algorithm for this fan from the section's options. */
    @FunctionalInterface
    interface FanControlFactory {
        FanSpeedControl create(TemperatureFan fan, ConfigSection config);
    }

    private synchronized void onTemperature(double readTime, double temp) {
        lastTemp = temp;
        control.temperatureUpdate(readTime, temp);
    }

    /**
     * Asks for a speed for the measurement read at {@code readTime}: clamped up to
     * min_speed, off without a target; small changes are skipped unless the last
     * update is getting old.
     */
    synchronized void setFanSpeed(double readTime, double value) {
        if (value <= 0.) {
            value = 0.;
        } else if (value < minSpeed) {
            value = minSpeed;
        }
        if (targetTemp <= 0.) {
            value = 0.;
        }
        boolean noRefreshDue = readTime < nextSpeedTime || lastSpeedValue == 0.;
        if (noRefreshDue && Math.abs(value - lastSpeedValue) < 0.05) {
            return;
        }
        double speedTime = readTime + speedDelay;
        nextSpeedTime = speedTime + 0.75 * MAX_FAN_TIME;
        lastSpeedValue = value;
        fan.setSpeed(value, speedTime);
    }

    synchronized double getTargetTemp() {
        return targetTemp;
    }

    synchronized double getMinSpeed() {
        return minSpeed;
    }

    synchronized double getMaxSpeed() {
        return maxSpeed;
    }

    @Override
    public synchronized double[] getTemp(double eventtime) {
        return new double[] {lastTemp, targetTemp};
    }

    @Override
    public synchronized Map<String, Object> getStatus(double eventtime) {
        Map<String, Object> status = new HashMap<>(fan.getStatus(eventtime));
        status.put("temperature", roundTo2(lastTemp));
        status.put("target", targetTemp);
        return status;
    }

    void cmdSetTemperatureFanTarget(GCodeCommand cmd) {
        double temp = cmd.getFloat("TARGET", targetTempConf);
        synchronized (this) {
            if (temp != 0. && (temp < minTemp || temp > maxTemp)) {
                throw cmd.error(String.format(Locale.ROOT, "Requested temperature (%.1f) out of range (%.1f:%.1f)",
                        temp, minTemp, maxTemp));
            }
            targetTemp = temp;
        }
        double newMin = cmd.getFloat("MIN_SPEED", getMinSpeed());
        double newMax = cmd.getFloat("MAX_SPEED", getMaxSpeed());
        if (newMin > newMax) {
            throw cmd.error(String.format(Locale.ROOT,
                    "Requested min speed (%.1f) is greater than max speed (%.1f)", newMin, newMax));
        }
        checkSpeed(cmd, "min", newMin);
        checkSpeed(cmd, "max", newMax);
        synchronized (this) {
            minSpeed = newMin;
            maxSpeed = newMax;
        }
    }

    private static void checkSpeed(GCodeCommand cmd, String which, double speed) {
        if (speed != 0. && (speed < 0. || speed > 1.)) {
            throw cmd.error(String.format(Locale.ROOT, "Requested %s speed (%.1f) out of range (0.0 : 1.0)",
                    which, speed));
        }
    }

    /** Python's round(x, 2): rounds the exact binary value, ties to even. */
    private static double roundTo2(double value) {
        if (Double.isNaN(value) || Double.isInfinite(value)) {
            return value;
        }
        return new BigDecimal(value).setScale(2, RoundingMode.HALF_EVEN).doubleValue();
    }
}
