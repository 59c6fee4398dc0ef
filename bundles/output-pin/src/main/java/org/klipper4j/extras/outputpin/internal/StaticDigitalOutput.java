/* klipper4j - a Klipper-compatible printer host. GPL-3.0-only. */
package org.klipper4j.extras.outputpin.internal;

import java.util.List;

import org.klipper4j.core.api.ConfigSection;
import org.klipper4j.core.api.mcu.PinParams;
import org.klipper4j.extras.outputpin.api.PinMcus;
import org.klipper4j.extras.outputpin.api.PinSetup;

/**
 * {@code [static_digital_output NAME]}: pins set once in the MCU config and never
 * changed. As Klipper, no pin object is made: each pin gets a
 * {@code set_digital_out} config command (high, or low for {@code !pin}).
 */
final class StaticDigitalOutput {
    private final List<String> pins;

    StaticDigitalOutput(ConfigSection config) {
        pins = PinList.read(config);
        for (String pinDesc : pins) {
            PinParams params = PinSetup.pins(config).lookupPin(pinDesc, true, false, null);
            PinMcus.mcuOf(config.getPrinter(), params).addConfigCommand(
                    String.format("set_digital_out pin=%s value=%d", params.pin(), params.invert() ? 0 : 1));
        }
    }

    List<String> pins() {
        return pins;
    }
}
