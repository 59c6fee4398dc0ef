/* klipper4j - a Klipper-compatible printer host. GPL-3.0-only. */
package org.klipper4j.extras.heaters.internal;

import org.klipper4j.core.api.ConfigSection;
import org.klipper4j.extras.heaters.api.Heater;
import org.klipper4j.extras.heaters.api.HeaterControl;

/**
 * PID control on the measured temperature. Gains are given in Klipper's units (output
 * 0..255); the derivative is smoothed over smooth_time and the integral is clamped so
 * it alone never asks for more than max_power (anti wind-up).
 */
final class PidControl implements HeaterControl {
    /** Klipper's gains are scaled for an output range of 0..255. */
    static final double PID_PARAM_BASE = 255.;
    static final double AMBIENT_TEMP = 25.;
    static final double SETTLE_DELTA = 1.;
    static final double SETTLE_SLOPE = .1;

    private final Heater heater;
    private final double maxPower;
    private final double kp;
    private final double ki;
    private final double kd;
    private final double minDerivTime;
    private final double integMax;
    private double prevTemp = AMBIENT_TEMP;
    private double prevTempTime;
    private double prevTempDeriv;
    private double prevTempInteg;

    PidControl(Heater heater, ConfigSection config) {
        this.heater = heater;
        this.maxPower = heater.getMaxPower();
        this.kp = config.getFloat("pid_Kp") / PID_PARAM_BASE;
        this.ki = config.getFloat("pid_Ki") / PID_PARAM_BASE;
        this.kd = config.getFloat("pid_Kd") / PID_PARAM_BASE;
        this.minDerivTime = heater.getSmoothTime();
        this.integMax = ki != 0. ? maxPower / ki : 0.;
    }

    @Override
    public void temperatureUpdate(double readTime, double temp, double targetTemp) {
        double timeDiff = readTime - prevTempTime;
        double tempDiff = temp - prevTemp;
        double deriv;
        if (timeDiff >= minDerivTime) {
            deriv = tempDiff / timeDiff;
        } else {
            deriv = (prevTempDeriv * (minDerivTime - timeDiff) + tempDiff) / minDerivTime;
        }
        double err = targetTemp - temp;
        double integ = Math.max(0., Math.min(integMax, prevTempInteg + err * timeDiff));
        double co = kp * err + ki * integ - kd * deriv;
        double bounded = Math.max(0., Math.min(maxPower, co));
        heater.setPwm(readTime, bounded);
        prevTemp = temp;
        prevTempTime = readTime;
        prevTempDeriv = deriv;
        if (co == bounded) {
            prevTempInteg = integ; // only integrate while the output is not saturated
        }
    }

    @Override
    public boolean checkBusy(double eventtime, double smoothedTemp, double targetTemp) {
        return Math.abs(targetTemp - smoothedTemp) > SETTLE_DELTA || Math.abs(prevTempDeriv) > SETTLE_SLOPE;
    }
}
