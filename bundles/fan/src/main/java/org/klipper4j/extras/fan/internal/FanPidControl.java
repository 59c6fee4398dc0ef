/* klipper4j - a Klipper-compatible printer host. GPL-3.0-only. */
package org.klipper4j.extras.fan.internal;

import org.klipper4j.core.api.Bounds;
import org.klipper4j.core.api.ConfigSection;

/**
 * PID fan control. The PID output is how much "heating" the target needs, so the fan
 * runs at max_speed minus that output, never below min_speed. Gains are in Klipper's
 * units (output 0..255).
 */
final class FanPidControl implements FanSpeedControl {
    static final double PID_PARAM_BASE = 255.;
    static final double AMBIENT_TEMP = 25.;

    private final TemperatureFan fan;
    private final double kp;
    private final double ki;
    private final double kd;
    private final double minDerivTime;
    private final double integMax;
    private double prevTemp = AMBIENT_TEMP;
    private double prevTempTime;
    private double prevTempDeriv;
    private double prevTempInteg;

    FanPidControl(TemperatureFan fan, ConfigSection config) {
        this.fan = fan;
        this.kp = config.getFloat("pid_Kp") / PID_PARAM_BASE;
        this.ki = config.getFloat("pid_Ki") / PID_PARAM_BASE;
        this.kd = config.getFloat("pid_Kd") / PID_PARAM_BASE;
        this.minDerivTime = config.getFloat("pid_deriv_time", 2., Bounds.above(0.));
        this.integMax = ki != 0. ? 1. / ki : 0.;
    }

    @Override
    public void temperatureUpdate(double readTime, double temp) {
        double timeDiff = readTime - prevTempTime;
        double tempDiff = temp - prevTemp;
        double deriv;
        if (timeDiff >= minDerivTime) {
            deriv = tempDiff / timeDiff;
        } else {
            // short intervals: blend with the previous slope so noise does not dominate
            deriv = (prevTempDeriv * (minDerivTime - timeDiff) + tempDiff) / minDerivTime;
        }
        double err = fan.getTargetTemp() - temp;
        double integ = Math.max(0., Math.min(integMax, prevTempInteg + err * timeDiff));
        double co = kp * err + ki * integ - kd * deriv;
        double maxSpeed = fan.getMaxSpeed();
        double bounded = Math.max(0., Math.min(maxSpeed, co));
        fan.setFanSpeed(readTime, Math.max(fan.getMinSpeed(), maxSpeed - bounded));
        prevTemp = temp;
        prevTempTime = readTime;
        prevTempDeriv = deriv;
        if (co == bounded) {
            prevTempInteg = integ; // anti wind-up: integrate only while not saturated
        }
    }
}
