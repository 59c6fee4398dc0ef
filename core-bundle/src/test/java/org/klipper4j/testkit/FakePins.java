/* klipper4j - a Klipper-compatible printer host. GPL-3.0-only. */
package org.klipper4j.testkit;

import java.util.LinkedHashMap;
import java.util.Map;

import org.klipper4j.core.api.ConfigException;
import org.klipper4j.core.api.mcu.PinChip;
import org.klipper4j.core.api.mcu.PinParams;
import org.klipper4j.core.api.mcu.Pins;

/**
 * The pin registry: parses {@code ^~!chip:pin}, hands setup to the chip and keeps
 * the ADC and PWM pins by description. A pin may be set up more than once, so one
 * bench can load several sections on the same pin.
 */
public final class FakePins implements Pins {
    private final Map<String, PinChip> chips = new LinkedHashMap<>();
    /** ADC pins set up, by the description given to {@link #setupPin}. */
    public final Map<String, FakeAdc> adcs = new LinkedHashMap<>();
    /** PWM pins set up, by the description given to {@link #setupPin}. */
    public final Map<String, FakePwm> pwms = new LinkedHashMap<>();

    /** A registry without chips; register them with {@link #registerChip}. */
    public FakePins() {
    }

    /** A registry with {@code mcu} as chip {@code "mcu"}. */
    public FakePins(FakeMcu mcu) {
        registerChip("mcu", mcu);
    }

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
        Object pin = chips.get(params.chipName()).setupPin(pinType, params);
        if (pin instanceof FakeAdc adc) {
            adcs.put(pinDesc, adc);
        } else if (pin instanceof FakePwm pwm) {
            pwms.put(pinDesc, pwm);
        }
        return pin;
    }

    @Override
    public void allowMultiUsePin(String pinDesc) {
    }
}
