/* klipper4j - a Klipper-compatible printer host. GPL-3.0-only. */
package org.klipper4j.extras.fan.internal;

import org.klipper4j.core.api.Bounds;
import org.klipper4j.core.api.ConfigSection;

/** The optional {@code tachometer_pin} of a fan: rpm from the pulse frequency, or null without one. */
final class FanTachometer {
    private static final double SAMPLE_TIME = 1.;

    private final FrequencyCounter counter;
    private final int pulsesPerRevolution;

    FanTachometer(ConfigSection config) {
        String pin = config.get("tachometer_pin", null);
        if (pin == null) {
            counter = null;
            pulsesPerRevolution = 0;
            return;
        }
        pulsesPerRevolution = config.getInt("tachometer_ppr", 2, 1, null);
        double pollTime = config.getFloat("tachometer_poll_interval", 0.0015, Bounds.above(0.));
        counter = new FrequencyCounter();
        new PulseCounter(config.getPrinter(), pin, SAMPLE_TIME, pollTime).setListener(counter::onCount);
    }

    /** Revolutions per minute, or null when the fan has no tachometer. */
    Double rpm() {
        if (counter == null) {
            return null;
        }
        // Klipper's formula, so rpm reads the same as there
        return counter.frequency() * 30. / pulsesPerRevolution;
    }
}
