/* klipper4j - a Klipper-compatible printer host. GPL-3.0-only. */
package org.klipper4j.core.internal.gcode;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import org.klipper4j.core.api.ConfigSection;
import org.klipper4j.core.api.gcode.GCodeCommand;
import org.klipper4j.core.api.gcode.GCodeDispatch;

/** Klipper's {@code [respond]} module: the M118 and RESPOND commands. */
public final class Respond {
    private static final Map<String, String> PREFIXES = new LinkedHashMap<>();
    private static final Map<String, String> PREFIXES_NO_SPACE = Map.of("echo_no_space", "echo:");

    static {
        PREFIXES.put("echo", "echo:");
        PREFIXES.put("command", "//");
        PREFIXES.put("error", "!!");
    }

    private final String defaultPrefix;

    public Respond(ConfigSection config) {
        String typePrefix = config.getChoice("default_type", PREFIXES, "echo");
        this.defaultPrefix = config.get("default_prefix", typePrefix);
        GCodeDispatch gcode = config.getPrinter().lookupObject("gcode", GCodeDispatch.class);
        gcode.registerCommand("M118", this::m118, true, null);
        gcode.registerCommand("RESPOND", this::respond, true, "Echo the message prepended with a prefix");
    }

    private void m118(GCodeCommand gcmd) {
        gcmd.respondRaw(defaultPrefix + " " + gcmd.getRawCommandParameters());
    }

    private void respond(GCodeCommand gcmd) {
        String prefix = defaultPrefix;
        boolean noSpace = false;
        String type = gcmd.get("TYPE", null);
        if (type != null) {
            type = type.toLowerCase(Locale.ROOT);
            if (PREFIXES.containsKey(type)) {
                prefix = PREFIXES.get(type);
            } else if (PREFIXES_NO_SPACE.containsKey(type)) {
                prefix = PREFIXES_NO_SPACE.get(type);
                noSpace = true;
            } else {
                throw gcmd.error("RESPOND TYPE '" + type
                        + "' is invalid. Must be one of 'echo', 'command', or 'error'");
            }
        }
        prefix = gcmd.get("PREFIX", prefix);
        String msg = gcmd.get("MSG", "");
        gcmd.respondRaw(noSpace ? prefix + msg : prefix + " " + msg);
    }
}
