/* klipper4j - a Klipper-compatible printer host. GPL-3.0-only. */
package org.klipper4j.extras.fan.internal;

import java.util.Map;

import org.klipper4j.core.api.Bounds;
import org.klipper4j.core.api.ConfigSection;
import org.klipper4j.core.api.StatusProvider;
import org.klipper4j.core.api.gcode.GCodeCommand;
import org.klipper4j.core.api.gcode.GCodeDispatch;

/** {@code [fan]}: the part cooling fan, driven by M106 S0..255 and M107. */
final class PrinterFan implements StatusProvider {
    private final FanCore fan;

    PrinterFan(ConfigSection config) {
        fan = new FanCore(config, 0.);
        GCodeDispatch gcode = config.getPrinter().lookupObject("gcode", GCodeDispatch.class);
        gcode.registerCommand("M106", this::cmdM106, null);
        gcode.registerCommand("M107", this::cmdM107, null);
    }

    void cmdM106(GCodeCommand cmd) {
        double value = cmd.getFloat("S", 255., Bounds.min(0.)) / 255.;
        fan.setSpeedFromCommand(value);
    }

    void cmdM107(GCodeCommand cmd) {
        fan.setSpeedFromCommand(0.);
    }

    @Override
    public Map<String, Object> getStatus(double eventtime) {
        return fan.getStatus(eventtime);
    }
}
