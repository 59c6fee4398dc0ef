/* klipper4j - a Klipper-compatible printer host. GPL-3.0-only. */
package org.klipper4j.extras.outputpin.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.klipper4j.core.api.ConfigException;
import org.klipper4j.core.api.ConfigSection;
import org.klipper4j.core.api.Printer;
import org.klipper4j.core.api.mcu.PinChip;
import org.klipper4j.core.api.mcu.PinParams;
import org.klipper4j.core.api.mcu.Pins;
import org.klipper4j.extras.outputpin.api.PinSetup;

/**
 * {@code [multi_pin NAME]}: the virtual pin {@code multi_pin:NAME} that drives every
 * pin in {@code pins:} the same way. The first multi_pin section registers the
 * {@code multi_pin} chip; the chip hands each request to the section it names.
 */
final class MultiPin implements PinChip {
    static final String CHIP = "multi_pin";

    private final Printer printer;
    private final Pins pins;
    private final List<String> pinList;
    private String pinType;

    MultiPin(ConfigSection config) {
        printer = config.getPrinter();
        pins = PinSetup.pins(config);
        try {
            pins.registerChip(CHIP, this);
        } catch (RuntimeException e) {
            // an earlier multi_pin section already serves the chip (the API names no exception type)
        }
        pinList = PinList.read(config);
    }

    @Override
    public Object setupPin(String type, PinParams params) {
        String pinName = params.pin();
        Optional<MultiPin> owner = printer.findObject(CHIP + " " + pinName, MultiPin.class);
        if (owner.isEmpty()) {
            throw new ConfigException("multi_pin " + pinName + " not configured");
        }
        if (owner.get() != this) {
            return owner.get().setupPin(type, params);
        }
        if (pinType != null) {
            throw new ConfigException("Can't setup multi_pin " + pinName + " twice");
        }
        if (!"pwm".equals(type) && !"digital_out".equals(type)) {
            throw new ConfigException("multi_pin " + pinName + " can not be used as a " + type + " pin");
        }
        pinType = type;
        String invert = params.invert() ? "!" : "";
        List<Object> outputs = new ArrayList<>();
        for (String pinDesc : pinList) {
            outputs.add(pins.setupPin(type, invert + pinDesc));
        }
        return new MultiPinOutput(outputs);
    }
}
