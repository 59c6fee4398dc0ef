/* klipper4j - a Klipper-compatible printer host. GPL-3.0-only. */
package org.klipper4j.extras.fan.internal;

import java.util.Collections;
import java.util.HashMap;
import java.util.Map;

import org.klipper4j.core.api.Bounds;
import org.klipper4j.core.api.ConfigSection;
import org.klipper4j.core.api.Printer;
import org.klipper4j.core.api.mcu.Mcu;
import org.klipper4j.core.api.mcu.McuDigitalOut;
import org.klipper4j.core.api.mcu.McuPwm;
import org.klipper4j.extras.fan.api.FanControl;
import org.klipper4j.extras.outputpin.api.GCodeRequestQueue;
import org.klipper4j.extras.outputpin.api.PinSetup;
import org.klipper4j.extras.outputpin.api.RequestOutcome;

/**
 * The fan every fan section builds on: speed requests go through the G-code
 * request queue; a fan starting (or jumping by more than half) first runs at
 * {@code max_power} for {@code kick_start_time}.
 */
public final class FanCore implements FanControl {
    /** Sent by the G-code layer with the print time before RESTART or exit. */
    static final String REQUEST_RESTART = "gcode:request_restart";

    private final McuPwm mcuFan;
    private final McuDigitalOut enablePin;
    private final double maxPower;
    private final double kickStartTime;
    private final double offBelow;
    private final GCodeRequestQueue<Double> requests;
    private final FanTachometer tachometer;
    private double lastFanValue;
    private double lastReqValue;

    public FanCore(ConfigSection config, double defaultShutdownSpeed) {
        Printer printer = config.getPrinter();
        maxPower = config.getFloat("max_power", 1., Bounds.above(0.).andMax(1.));
        kickStartTime = config.getFloat("kick_start_time", 0.1, Bounds.min(0.));
        offBelow = config.getFloat("off_below", 0., Bounds.range(0., 1.));
        double cycleTime = config.getFloat("cycle_time", 0.010, Bounds.above(0.));
        boolean hardwarePwm = config.getBoolean("hardware_pwm", false);
        double shutdownSpeed = config.getFloat("shutdown_speed", defaultShutdownSpeed, Bounds.range(0., 1.));
        mcuFan = PinSetup.pwm(config, "pin");
        mcuFan.setupMaxDuration(0.);
        mcuFan.setupCycleTime(cycleTime, hardwarePwm);
        mcuFan.setupStartValue(0., Math.max(0., Math.min(maxPower, shutdownSpeed)));
        String enable = config.get("enable_pin", null);
        if (enable != null) {
            enablePin = PinSetup.digitalOut(config, enable);
            enablePin.setupMaxDuration(0.);
        } else {
            enablePin = null;
        }
        requests = new GCodeRequestQueue<>(printer, mcuFan.getMcu(), this::applySpeed);
        tachometer = new FanTachometer(config);
        printer.registerEventHandler(REQUEST_RESTART, args -> {
            if (args.length > 0 && args[0] instanceof Number printTime) {
                setSpeed(0., printTime.doubleValue());
            } else {
                setSpeed(0.);
            }
        });
    }

    private RequestOutcome applySpeed(double printTime, Double requested) {
        double value = requested < offBelow ? 0. : requested;
        value = Math.max(0., Math.min(maxPower, value * maxPower));
        if (value == lastFanValue) {
            return RequestOutcome.discarded();
        }
        if (enablePin != null) {
            if (value > 0 && lastFanValue == 0) {
                enablePin.setDigital(printTime, true);
            } else if (value == 0 && lastFanValue > 0) {
                enablePin.setDigital(printTime, false);
            }
        }
        if (value != 0 && kickStartTime != 0 && (lastFanValue == 0 || value - lastFanValue > .5)) {
            // full power first so the fan starts; the request is applied again after the kick
            lastReqValue = value;
            lastFanValue = maxPower;
            mcuFan.setPwm(printTime, maxPower);
            return RequestOutcome.again(kickStartTime);
        }
        lastFanValue = lastReqValue = value;
        mcuFan.setPwm(printTime, value);
        return null;
    }

    @Override
    public Mcu getMcu() {
        return mcuFan.getMcu();
    }

    @Override
    public void setSpeed(double value) {
        requests.sendAsyncRequest(value);
    }

    @Override
    public void setSpeed(double value, double printTime) {
        requests.sendAsyncRequest(value, printTime);
    }

    @Override
    public void setSpeedFromCommand(double value) {
        requests.queueGCodeRequest(value);
    }

    @Override
    public Map<String, Object> getStatus(double eventtime) {
        Map<String, Object> status = new HashMap<>();
        status.put("speed", lastReqValue);
        status.put("rpm", tachometer.rpm());
        return Collections.unmodifiableMap(status);
    }
}
