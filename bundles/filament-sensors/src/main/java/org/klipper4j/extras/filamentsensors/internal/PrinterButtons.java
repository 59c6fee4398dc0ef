/* klipper4j - a Klipper-compatible printer host. GPL-3.0-only. */
package org.klipper4j.extras.filamentsensors.internal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.klipper4j.core.api.ConfigException;
import org.klipper4j.core.api.Printer;
import org.klipper4j.core.api.mcu.Mcu;
import org.klipper4j.core.api.mcu.PinParams;
import org.klipper4j.core.api.mcu.Pins;

/**
 * The {@code buttons} object: groups button pins per MCU (eight per firmware
 * object) and calls back when their state changes.
 */
public final class PrinterButtons {
    static final String NAME = "buttons";

    private final Printer printer;
    private final Map<String, McuButtons> mcuButtons = new HashMap<>();

    public PrinterButtons(Printer printer) {
        this.printer = printer;
    }

    /** Registers pins (all on one MCU) whose combined state goes to {@code callback}. */
    public void registerButtons(List<String> pinDescs, ButtonCallback callback) {
        Pins pins = printer.lookupObject("pins", Pins.class);
        String chip = null;
        List<PinParams> params = new ArrayList<>();
        for (String desc : pinDescs) {
            PinParams p = pins.lookupPin(desc, true, true, null);
            if (chip != null && !chip.equals(p.chipName())) {
                throw new ConfigException("button pins must be on same mcu");
            }
            chip = p.chipName();
            params.add(p);
        }
        if (chip == null) {
            return;
        }
        McuButtons buttons = mcuButtons.get(chip);
        if (buttons == null || buttons.pinCount() + params.size() > McuButtons.MAX_PINS) {
            buttons = new McuButtons(mcuOf(chip), printer.getReactor());
            mcuButtons.put(chip, buttons);
        }
        buttons.setupButtons(params, callback);
    }

    /** One button whose changes reach {@code callback} after {@code debounce_delay} of {@code config}. */
    public void registerDebounceButton(String pinDesc, ButtonCallback callback,
            org.klipper4j.core.api.ConfigSection config) {
        DebounceButton debounce = new DebounceButton(config, callback);
        registerButtons(List.of(pinDesc), debounce::buttonHandler);
    }

    /** A callback run only when a single button is pressed. */
    public void registerButtonPush(String pinDesc, java.util.function.DoubleConsumer callback) {
        registerButtons(List.of(pinDesc), (eventtime, state) -> {
            if (state != 0) {
                callback.accept(eventtime);
            }
        });
    }

    private Mcu mcuOf(String chip) {
        String objectName = "mcu".equals(chip) ? "mcu" : "mcu " + chip;
        return printer.findObject(objectName, Mcu.class)
                .orElseThrow(() -> new ConfigException("button pins must be on an mcu, not '" + chip + "'"));
    }
}
