/* klipper4j - a Klipper-compatible printer host. GPL-3.0-only. */
package org.klipper4j.extras.outputpin.fakes;

import java.util.LinkedHashMap;
import java.util.Map;

import org.klipper4j.core.api.ConfigException;
import org.klipper4j.core.api.mcu.PinChip;
import org.klipper4j.core.api.mcu.PinParams;
import org.klipper4j.core.api.mcu.Pins;

/** The pin registry: parses {@code ^~!chip:pin} and hands setup to the chip. */
public final class FakePins implements Pins {
    private final Map<String, PinChip> chips = new LinkedHashMap<>();

    @Override
    public void registerChip(String chipName, PinChip chip) {
        if (chips.containsKey(chipName)) {
            throw new ConfigException("Duplicate chip name '" + chipName + "'");
        }
        chips.put(chipName, chip);
    }

    @Override
    public PinParams lookupPin(String pinDesc, boolean canInvert, boolean canPullup, String shareType) {
        String desc = pinDesc.trim();
        boolean invert = false;
        int pullup = 0;
        while (!desc.isEmpty() && "^~!".indexOf(desc.charAt(0)) >= 0) {
            char c = desc.charAt(0);
            if (c == '!') {
                if (!canInvert) {
                    throw new ConfigException("Invalid pin description '" + pinDesc + "'\n"
                            + "Format is: [^~] [!] [chip_name:] pin_name");
                }
                invert = true;
            } else {
                pullup = c == '^' ? 1 : -1;
            }
            desc = desc.substring(1).trim();
        }
        String chip = "mcu";
        int colon = desc.indexOf(':');
        if (colon >= 0) {
            chip = desc.substring(0, colon).trim();
            desc = desc.substring(colon + 1).trim();
        }
        if (!chips.containsKey(chip)) {
            throw new ConfigException("Unknown pin chip name '" + chip + "'");
        }
        return new PinParams(chip, desc, invert, pullup);
    }

    @Override
    public Object setupPin(String pinType, String pinDesc) {
        PinParams params = lookupPin(pinDesc, true, false, null);
        return chips.get(params.chipName()).setupPin(pinType, params);
    }

    @Override
    public void allowMultiUsePin(String pinDesc) {
    }
}
