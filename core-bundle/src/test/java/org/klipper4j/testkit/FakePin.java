/* klipper4j - a Klipper-compatible printer host. GPL-3.0-only. */
package org.klipper4j.testkit;

import org.klipper4j.core.api.mcu.Mcu;
import org.klipper4j.core.api.mcu.PinParams;

/** What every fake MCU pin keeps: its MCU and the pin parameters it was set up with. */
public abstract class FakePin {
    private final Mcu mcu;
    public final PinParams params;

    FakePin(Mcu mcu, PinParams params) {
        this.mcu = mcu;
        this.params = params;
    }

    public Mcu getMcu() {
        return mcu;
    }
}
