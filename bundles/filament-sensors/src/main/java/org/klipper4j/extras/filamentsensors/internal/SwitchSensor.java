/* klipper4j - a Klipper-compatible printer host. GPL-3.0-only. */
package org.klipper4j.extras.filamentsensors.internal;

import java.util.Map;

import org.klipper4j.core.api.ConfigSection;
import org.klipper4j.core.api.StatusProvider;

/** {@code [filament_switch_sensor NAME]}: filament is present while the switch pin reads 1. */
public final class SwitchSensor implements StatusProvider {
    private final RunoutHelper runoutHelper;

    public SwitchSensor(ConfigSection config) {
        PrinterButtons buttons = (PrinterButtons) config.getPrinter().loadObject(config, PrinterButtons.NAME);
        String switchPin = config.get("switch_pin");
        buttons.registerDebounceButton(switchPin, this::buttonHandler, config);
        runoutHelper = new RunoutHelper(config);
    }

    private void buttonHandler(double eventtime, int state) {
        runoutHelper.noteFilamentPresent(eventtime, state != 0);
    }

    @Override
    public Map<String, Object> getStatus(double eventtime) {
        return runoutHelper.getStatus(eventtime);
    }
}
