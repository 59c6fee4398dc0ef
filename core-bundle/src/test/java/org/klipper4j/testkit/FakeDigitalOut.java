/* klipper4j - a Klipper-compatible printer host. GPL-3.0-only. */
package org.klipper4j.testkit;

import java.util.ArrayList;
import java.util.List;

import org.klipper4j.core.api.mcu.Mcu;
import org.klipper4j.core.api.mcu.McuDigitalOut;
import org.klipper4j.core.api.mcu.PinParams;

/** A digital pin that records its setup and every (print time, value) it is set to. */
public final class FakeDigitalOut extends FakePin implements McuDigitalOut {
    /** One update. */
    public record Update(double printTime, boolean value) {
    }

    public double maxDuration = -1;
    public Boolean startValue;
    public Boolean shutdownValue;
    public final List<Update> updates = new ArrayList<>();

    FakeDigitalOut(Mcu mcu, PinParams params) {
        super(mcu, params);
    }

    @Override
    public void setupMaxDuration(double seconds) {
        maxDuration = seconds;
    }

    @Override
    public void setupStartValue(boolean start, boolean shutdown) {
        startValue = start;
        shutdownValue = shutdown;
    }

    @Override
    public void setDigital(double printTime, boolean value) {
        updates.add(new Update(printTime, value));
    }
}
