/* klipper4j - a Klipper-compatible printer host. GPL-3.0-only. */
package org.klipper4j.extras.outputpin.api;

import org.klipper4j.core.api.ConfigException;
import org.klipper4j.core.api.ConfigSection;
import org.klipper4j.core.api.mcu.McuDigitalOut;
import org.klipper4j.core.api.mcu.McuPwm;
import org.klipper4j.core.api.mcu.Pins;

/** Sets up a pin of a section as a typed MCU output, with a clear error if its chip cannot. */
public final class PinSetup {
    private PinSetup() {
    }

    /** The pin named by {@code option} as a PWM output. */
    public static McuPwm pwm(ConfigSection config, String option) {
        String pinDesc = config.get(option);
        Object pin = pins(config).setupPin("pwm", pinDesc);
        if (!(pin instanceof McuPwm pwm)) {
            throw new ConfigException("Pin '" + pinDesc + "' in section '" + config.getName()
                    + "' can not be used as a pwm output");
        }
        return pwm;
    }

    /** {@code pinDesc} as a digital output. */
    public static McuDigitalOut digitalOut(ConfigSection config, String pinDesc) {
        Object pin = pins(config).setupPin("digital_out", pinDesc);
        if (!(pin instanceof McuDigitalOut out)) {
            throw new ConfigException("Pin '" + pinDesc + "' in section '" + config.getName()
                    + "' can not be used as a digital output");
        }
        return out;
    }

    public static Pins pins(ConfigSection config) {
        return config.getPrinter().lookupObject("pins", Pins.class);
    }
}
