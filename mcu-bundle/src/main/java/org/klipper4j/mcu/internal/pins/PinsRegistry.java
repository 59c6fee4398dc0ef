/* klipper4j - a Klipper-compatible printer host. GPL-3.0-only. */
package org.klipper4j.mcu.internal.pins;

import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import org.klipper4j.core.api.ConfigException;
import org.klipper4j.core.api.Printer;
import org.klipper4j.core.api.mcu.PinChip;
import org.klipper4j.core.api.mcu.PinParams;
import org.klipper4j.core.api.mcu.Pins;

/**
 * The {@code pins} printer object (Klipper's PrinterPins): parses pin descriptions
 * ({@code ^}, {@code ~}, {@code !}, {@code chip:pin}), keeps the chips, and refuses a
 * pin used twice unless both users share it with the same polarity or it is allowed
 * to be used several times.
 */
public final class PinsRegistry implements Pins {
    /** The printer object name. */
    public static final String NAME = "pins";

    private record ActivePin(PinParams params, String shareType) {
    }

    private final Map<String, PinChip> chips = new LinkedHashMap<>();
    private final Map<String, PinResolver> resolvers = new HashMap<>();
    private final Map<String, ActivePin> activePins = new HashMap<>();
    private final Set<String> multiUsePins = new HashSet<>();

    /** The printer's {@code pins} object, created and registered if it does not exist yet. */
    public static PinsRegistry ensure(Printer printer) {
        return printer.findObject(NAME, PinsRegistry.class).orElseGet(() -> {
            PinsRegistry pins = new PinsRegistry();
            printer.addObject(NAME, pins);
            return pins;
        });
    }

    @Override
    public void registerChip(String chipName, PinChip chip) {
        String name = chipName.trim();
        if (chips.containsKey(name)) {
            throw new ConfigException("Duplicate chip name '" + name + "'");
        }
        chips.put(name, Objects.requireNonNull(chip));
        resolvers.put(name, new PinResolver());
    }

    /** The pin name resolver of a chip (aliases, reserved pins). */
    public PinResolver getPinResolver(String chipName) {
        PinResolver r = resolvers.get(chipName);
        if (r == null) {
            throw new ConfigException("Unknown chip name '" + chipName + "'");
        }
        return r;
    }

    /** Parses a description without reserving the pin. */
    public PinParams parsePin(String pinDesc, boolean canInvert, boolean canPullup) {
        String desc = pinDesc.strip();
        int pullup = 0;
        boolean invert = false;
        if (canPullup && (desc.startsWith("^") || desc.startsWith("~"))) {
            pullup = desc.startsWith("~") ? -1 : 1;
            desc = desc.substring(1).strip();
        }
        if (canInvert && desc.startsWith("!")) {
            invert = true;
            desc = desc.substring(1).strip();
        }
        String chipName = "mcu";
        String pin = desc;
        int colon = desc.indexOf(':');
        if (colon >= 0) {
            chipName = desc.substring(0, colon).strip();
            pin = desc.substring(colon + 1).strip();
        }
        if (!chips.containsKey(chipName)) {
            throw new ConfigException("Unknown pin chip name '" + chipName + "'");
        }
        if (pin.chars().anyMatch(c -> "^~!: ".indexOf(c) >= 0)) {
            String format = (canPullup ? "[^~] " : "") + (canInvert ? "[!] " : "");
            throw new ConfigException("Invalid pin description '" + pinDesc + "'\nFormat is: " + format
                    + "[chip_name:] pin_name");
        }
        return new PinParams(chipName, pin, invert, pullup);
    }

    @Override
    public PinParams lookupPin(String pinDesc, boolean canInvert, boolean canPullup, String shareType) {
        PinParams params = parsePin(pinDesc, canInvert, canPullup);
        String shareName = params.chipName() + ":" + params.pin();
        ActivePin active = activePins.get(shareName);
        if (active != null) {
            if (multiUsePins.contains(shareName)) {
                return active.params();
            }
            if (shareType == null || !shareType.equals(active.shareType())) {
                throw new ConfigException("pin " + params.pin() + " used multiple times in config");
            }
            if (params.invert() != active.params().invert() || params.pullup() != active.params().pullup()) {
                throw new ConfigException("Shared pin " + params.pin() + " must have same polarity");
            }
            return active.params();
        }
        activePins.put(shareName, new ActivePin(params, shareType));
        return params;
    }

    @Override
    public Object setupPin(String pinType, String pinDesc) {
        boolean canInvert = pinType.equals("endstop") || pinType.equals("digital_out") || pinType.equals("pwm");
        boolean canPullup = pinType.equals("endstop");
        PinParams params = lookupPin(pinDesc, canInvert, canPullup, null);
        return chips.get(params.chipName()).setupPin(pinType, params);
    }

    /** Frees a pin again (Klipper's reset_pin_sharing), for objects that re-register it. */
    public void resetPinSharing(PinParams params) {
        activePins.remove(params.chipName() + ":" + params.pin());
    }

    @Override
    public void allowMultiUsePin(String pinDesc) {
        PinParams params = parsePin(pinDesc, false, false);
        multiUsePins.add(params.chipName() + ":" + params.pin());
    }

    /** The chip registered under {@code name}, or null. */
    public PinChip getChip(String name) {
        return chips.get(name);
    }
}
