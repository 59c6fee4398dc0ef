/* klipper4j - a Klipper-compatible printer host. GPL-3.0-only. */
package org.klipper4j.extras.probe.internal;

import org.klipper4j.core.api.Printer;
import org.klipper4j.core.api.mcu.Mcu;
import org.klipper4j.core.api.mcu.McuCommand;
import org.klipper4j.core.api.mcu.PinParams;

/**
 * The SmartEffector's programming pin: a digital output toggled bit by bit at 1000 bits
 * per second (the SmartEffector firmware's protocol), then returned to its idle level.
 */
final class SmartEffectorControlPin {
    static final double BITS_PER_SECOND = 1000.;

    private final Mcu mcu;
    private final String pin;
    private final boolean startValue;
    private final boolean invert;
    private int oid;
    private McuCommand setCmd;

    SmartEffectorControlPin(Printer printer, PinParams params) {
        String chip = params.chipName();
        this.mcu = printer.lookupObject("mcu".equals(chip) ? "mcu" : "mcu " + chip, Mcu.class);
        this.pin = params.pin();
        this.invert = params.invert();
        this.startValue = invert;
        mcu.registerConfigCallback(this::buildConfig);
    }

    private void buildConfig() {
        oid = mcu.createOid();
        int v = startValue ? 1 : 0;
        mcu.addConfigCommand("config_digital_out oid=" + oid + " pin=" + pin + " value=" + v + " default_value=" + v
                + " max_duration=0");
        setCmd = mcu.lookupCommand("queue_digital_out oid=%c clock=%u on_ticks=%u", mcu.allocCommandQueue());
    }

    /** Writes the bits from {@code startTime}; returns the print time after the last one. */
    double writeBits(double startTime, boolean[] bits) {
        double bitStep = 1. / BITS_PER_SECOND;
        boolean lastValue = startValue;
        boolean value = startValue;
        double bitTime = startTime;
        for (boolean b : bits) {
            value = b ^ invert;
            if (value != lastValue) {
                setCmd.send(oid, mcu.printTimeToClock(bitTime), value ? 1 : 0);
                lastValue = value;
            }
            bitTime += bitStep;
        }
        // after the last bit the line goes back to idle
        if (value != startValue) {
            setCmd.send(oid, mcu.printTimeToClock(bitTime), startValue ? 1 : 0);
            bitTime += bitStep;
        }
        return bitTime;
    }
}
