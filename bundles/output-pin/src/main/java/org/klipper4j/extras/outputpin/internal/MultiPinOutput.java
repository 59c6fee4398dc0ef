/* klipper4j - a Klipper-compatible printer host. GPL-3.0-only. */
package org.klipper4j.extras.outputpin.internal;

import java.util.List;

import org.klipper4j.core.api.mcu.Mcu;
import org.klipper4j.core.api.mcu.McuDigitalOut;
import org.klipper4j.core.api.mcu.McuPwm;

/** The object a multi_pin hands out: each call goes to every underlying pin, in order. */
final class MultiPinOutput implements McuPwm, McuDigitalOut {
    private final List<Object> outputs;

    MultiPinOutput(List<Object> outputs) {
        this.outputs = List.copyOf(outputs);
    }

    /** The first pin's MCU (timing follows that MCU, as in Klipper). */
    @Override
    public Mcu getMcu() {
        Object first = outputs.get(0);
        return first instanceof McuPwm pwm ? pwm.getMcu() : ((McuDigitalOut) first).getMcu();
    }

    @Override
    public void setupMaxDuration(double maxDuration) {
        for (Object o : outputs) {
            if (o instanceof McuPwm pwm) {
                pwm.setupMaxDuration(maxDuration);
            } else {
                ((McuDigitalOut) o).setupMaxDuration(maxDuration);
            }
        }
    }

    @Override
    public void setupCycleTime(double cycleTime, boolean hardwarePwm) {
        for (Object o : outputs) {
            ((McuPwm) o).setupCycleTime(cycleTime, hardwarePwm);
        }
    }

    @Override
    public void setupStartValue(double startValue, double shutdownValue) {
        for (Object o : outputs) {
            ((McuPwm) o).setupStartValue(startValue, shutdownValue);
        }
    }

    @Override
    public void setupStartValue(boolean startValue, boolean shutdownValue) {
        for (Object o : outputs) {
            ((McuDigitalOut) o).setupStartValue(startValue, shutdownValue);
        }
    }

    @Override
    public void setPwm(double printTime, double value) {
        for (Object o : outputs) {
            ((McuPwm) o).setPwm(printTime, value);
        }
    }

    @Override
    public void setDigital(double printTime, boolean value) {
        for (Object o : outputs) {
            ((McuDigitalOut) o).setDigital(printTime, value);
        }
    }
}
