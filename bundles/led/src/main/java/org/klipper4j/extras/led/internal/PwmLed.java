/* klipper4j - a Klipper-compatible printer host. GPL-3.0-only. */
package org.klipper4j.extras.led.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.klipper4j.core.api.Bounds;
import org.klipper4j.core.api.ConfigException;
import org.klipper4j.core.api.ConfigSection;
import org.klipper4j.core.api.Printer;
import org.klipper4j.core.api.StatusProvider;
import org.klipper4j.core.api.mcu.McuPwm;
import org.klipper4j.core.api.mcu.Pins;

/** {@code [led NAME]}: an LED on up to four PWM pins (red, green, blue, white). */
final class PwmLed implements StatusProvider {
    static final double PIN_MIN_TIME = 0.100;
    static final double MAX_SCHEDULE_TIME = 5.0;
    private static final String[] COLORS = {"red", "green", "blue", "white"};

    private record ColorPin(int index, McuPwm pwm) {
    }

    private final Printer printer;
    private final List<ColorPin> pins = new ArrayList<>();
    private final LedHelper helper;
    private double[] previous;
    private double nextMinTime;

    PwmLed(ConfigSection config) {
        printer = config.getPrinter();
        Pins ppins = printer.lookupObject("pins", Pins.class);
        double cycleTime = config.getFloat("cycle_time", 0.010, Bounds.above(0.).andMax(MAX_SCHEDULE_TIME));
        boolean hardwarePwm = config.getBoolean("hardware_pwm", false);
        for (int i = 0; i < COLORS.length; i++) {
            String pinName = config.get(COLORS[i] + "_pin", null);
            if (pinName == null) {
                continue;
            }
            McuPwm pwm = (McuPwm) ppins.setupPin("pwm", pinName);
            pwm.setupMaxDuration(0.);
            pwm.setupCycleTime(cycleTime, hardwarePwm);
            pins.add(new ColorPin(i, pwm));
        }
        if (pins.isEmpty()) {
            throw new ConfigException("No LED pin definitions found in '" + config.getName() + "'");
        }
        helper = new LedHelper(config, this::update, 1);
        previous = helper.getLedState().get(0);
        for (ColorPin pin : pins) {
            pin.pwm().setupStartValue(previous[pin.index()], 0.);
        }
    }

    private void update(List<double[]> state, Double printTime) {
        double time;
        if (printTime == null) {
            double now = printer.getReactor().monotonic();
            time = pins.get(0).pwm().getMcu().estimatedPrintTime(now) + PIN_MIN_TIME;
        } else {
            time = printTime;
        }
        // successive updates of a pin at least PIN_MIN_TIME apart
        time = Math.max(time, nextMinTime);
        double[] color = state.get(0);
        boolean sent = false;
        for (ColorPin pin : pins) {
            if (previous[pin.index()] != color[pin.index()]) {
                pin.pwm().setPwm(time, color[pin.index()]);
                sent = true;
            }
        }
        if (sent) {
            nextMinTime = time + PIN_MIN_TIME;
        }
        previous = color;
    }

    @Override
    public Map<String, Object> getStatus(double eventtime) {
        return helper.getStatus(eventtime);
    }
}
