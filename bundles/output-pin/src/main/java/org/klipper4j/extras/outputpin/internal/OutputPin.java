/* klipper4j - a Klipper-compatible printer host. GPL-3.0-only. */
package org.klipper4j.extras.outputpin.internal;

import java.util.Map;

import org.klipper4j.core.api.Bounds;
import org.klipper4j.core.api.ConfigSection;
import org.klipper4j.core.api.StatusProvider;
import org.klipper4j.core.api.gcode.GCodeCommand;
import org.klipper4j.core.api.gcode.GCodeDispatch;
import org.klipper4j.core.api.mcu.Mcu;
import org.klipper4j.core.api.mcu.McuDigitalOut;
import org.klipper4j.core.api.mcu.McuPwm;
import org.klipper4j.extras.outputpin.api.GCodeRequestQueue;
import org.klipper4j.extras.outputpin.api.McuTimes;
import org.klipper4j.extras.outputpin.api.PinSetup;
import org.klipper4j.extras.outputpin.api.RequestOutcome;

/** {@code [output_pin NAME]}: a digital or PWM pin set by SET_PIN through the request queue. */
final class OutputPin implements StatusProvider {
    static final String SET_PIN_HELP = "Set the value of an output pin";

    private final McuPwm pwm;
    private final McuDigitalOut digital;
    private final double scale;
    private final GCodeRequestQueue<Double> requests;
    private double lastValue;

    OutputPin(ConfigSection config) {
        boolean isPwm = config.getBoolean("pwm", false);
        Mcu mcu;
        if (isPwm) {
            pwm = PinSetup.pwm(config, "pin");
            digital = null;
            double cycleTime = config.getFloat("cycle_time", 0.100,
                    Bounds.above(0.).andMax(McuTimes.MAX_NOMINAL_DURATION));
            pwm.setupCycleTime(cycleTime, config.getBoolean("hardware_pwm", false));
            scale = config.getFloat("scale", 1., Bounds.above(0.));
            pwm.setupMaxDuration(0.);
            mcu = pwm.getMcu();
        } else {
            pwm = null;
            digital = PinSetup.digitalOut(config, config.get("pin"));
            scale = 1.;
            digital.setupMaxDuration(0.);
            mcu = digital.getMcu();
        }
        lastValue = config.getFloat("value", 0., Bounds.range(0., scale)) / scale;
        double shutdownValue = config.getFloat("shutdown_value", 0., Bounds.range(0., scale)) / scale;
        if (isPwm) {
            pwm.setupStartValue(lastValue, shutdownValue);
        } else {
            digital.setupStartValue(lastValue != 0., shutdownValue != 0.);
        }
        requests = new GCodeRequestQueue<>(config.getPrinter(), mcu, this::applyValue);
        GCodeDispatch gcode = config.getPrinter().lookupObject("gcode", GCodeDispatch.class);
        gcode.registerMuxCommand("SET_PIN", "PIN", PinObjects.instanceName(config), this::cmdSetPin, SET_PIN_HELP);
    }

    private RequestOutcome applyValue(double printTime, Double value) {
        if (value == lastValue) {
            return RequestOutcome.discarded();
        }
        lastValue = value;
        if (pwm != null) {
            pwm.setPwm(printTime, value);
        } else {
            digital.setDigital(printTime, value != 0.);
        }
        return null;
    }

    void cmdSetPin(GCodeCommand cmd) {
        Double value = cmd.getFloat("VALUE", null, Bounds.range(0., scale));
        String template = cmd.get("TEMPLATE", null);
        if ((value == null) == (template == null)) {
            throw cmd.error("SET_PIN command must specify VALUE or TEMPLATE");
        }
        if (template != null) {
            TemplateParam.apply(cmd, template);
            return;
        }
        double scaled = value / scale;
        if (pwm == null && scaled != 0. && scaled != 1.) {
            throw cmd.error("Invalid pin value");
        }
        requests.queueGCodeRequest(scaled);
    }

    @Override
    public Map<String, Object> getStatus(double eventtime) {
        return Map.of("value", lastValue);
    }
}
