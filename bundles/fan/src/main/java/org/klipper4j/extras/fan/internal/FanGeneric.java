/* klipper4j - a Klipper-compatible printer host. GPL-3.0-only. */
package org.klipper4j.extras.fan.internal;

import java.util.Map;

import org.klipper4j.core.api.Bounds;
import org.klipper4j.core.api.ConfigSection;
import org.klipper4j.core.api.StatusProvider;
import org.klipper4j.core.api.gcode.GCodeCommand;
import org.klipper4j.core.api.gcode.GCodeDispatch;

/** {@code [fan_generic NAME]}: a fan set by {@code SET_FAN_SPEED FAN=NAME SPEED=0..1}. */
final class FanGeneric implements StatusProvider {
    static final String SET_FAN_SPEED_HELP = "Sets the speed of a fan";

    private final FanCore fan;

    FanGeneric(ConfigSection config) {
        fan = new FanCore(config, 0.);
        String[] words = config.getName().trim().split("\\s+");
        String name = words[words.length - 1];
        GCodeDispatch gcode = config.getPrinter().lookupObject("gcode", GCodeDispatch.class);
        gcode.registerMuxCommand("SET_FAN_SPEED", "FAN", name, this::cmdSetFanSpeed, SET_FAN_SPEED_HELP);
    }

    void cmdSetFanSpeed(GCodeCommand cmd) {
        Double speed = cmd.getFloat("SPEED", null, Bounds.min(0.));
        String template = cmd.get("TEMPLATE", null);
        if ((speed == null) == (template == null)) {
            throw cmd.error("SET_FAN_SPEED must specify SPEED or TEMPLATE");
        }
        if (template != null) {
            // display templates are not supported yet: any named one is unknown, as Klipper words it
            if (!template.isEmpty()) {
                throw cmd.error("Unknown display_template '" + template + "'");
            }
            return;
        }
        fan.setSpeedFromCommand(speed);
    }

    @Override
    public Map<String, Object> getStatus(double eventtime) {
        return fan.getStatus(eventtime);
    }
}
