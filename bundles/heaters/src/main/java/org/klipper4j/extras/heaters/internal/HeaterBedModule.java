/* klipper4j - a Klipper-compatible printer host. GPL-3.0-only. */
package org.klipper4j.extras.heaters.internal;

import org.klipper4j.core.api.ConfigSection;
import org.klipper4j.core.api.PrinterModule;
import org.klipper4j.core.api.gcode.GCodeCommand;
import org.klipper4j.core.api.gcode.GCodeDispatch;
import org.klipper4j.extras.heaters.api.Heater;
import org.klipper4j.extras.heaters.api.Heaters;
import org.osgi.service.component.annotations.Component;

/** Serves {@code [heater_bed]}: the heater (M105 id B) with M140 and M190. */
@Component(service = PrinterModule.class, property = {"klipper.section=heater_bed"})
public final class HeaterBedModule implements PrinterModule {
    @Override
    public Object load(ConfigSection config) {
        Heaters heaters = Modules.heaters(config);
        Heater heater = heaters.setupHeater(config, "B");
        GCodeDispatch gcode = config.getPrinter().lookupObject("gcode", GCodeDispatch.class);
        gcode.registerCommand("M140", cmd -> setBed(heaters, heater, cmd, false), null);
        gcode.registerCommand("M190", cmd -> setBed(heaters, heater, cmd, true), null);
        return heater;
    }

    private static void setBed(Heaters heaters, Heater heater, GCodeCommand cmd, boolean wait) {
        heaters.setTemperature(heater, cmd.getFloat("S", 0.), wait);
    }
}
