/* klipper4j - a Klipper-compatible printer host. GPL-3.0-only. */
package org.klipper4j.extras.outputpin.internal;

import org.klipper4j.core.api.ConfigException;
import org.klipper4j.core.api.ConfigSection;
import org.klipper4j.core.api.mcu.McuDigitalOut;
import org.klipper4j.core.api.mcu.McuPwm;
import org.klipper4j.core.api.mcu.Pins;

/** Sets up a section's pin as a typed MCU object, with a clear error if its chip cannot. */
final class PinObjects {
    private PinObjects() {
    }

    static McuPwm pwm(ConfigSection config, String option) {
        Object pin = pins(config).setupPin("pwm", config.get(option));
        if (!(pin instanceof McuPwm pwm)) {
            throw new ConfigException("Pin '" + config.get(option) + "' in section '" + config.getName()
                    + "' does not support pwm");
        }
        return pwm;
    }

    static McuDigitalOut digitalOut(ConfigSection config, String pinDesc) {
        Object pin = pins(config).setupPin("digital_out", pinDesc);
        if (!(pin instanceof McuDigitalOut out)) {
            throw new ConfigException("Pin '" + pinDesc + "' in section '" + config.getName()
                    + "' does not support digital_out");
        }
        return out;
    }

    static Pins pins(ConfigSection config) {
        return config.getPrinter().lookupObject("pins", Pins.class);
    }

    /** The instance name of {@code [output_pin NAME]}: the word after the section type. */
    static String instanceName(ConfigSection config) {
        String[] parts = config.getName().trim().split("\\s+");
        if (parts.length < 2) {
            throw new ConfigException("Section '" + config.getName() + "' needs a name, as [" + parts[0]
                    + " my_pin]");
        }
        return parts[1];
    }
}
