/* klipper4j - a Klipper-compatible printer host. GPL-3.0-only. */
package org.klipper4j.extras.displaystatus.internal;

import java.util.HashMap;
import java.util.Map;

import org.klipper4j.core.api.ConfigSection;
import org.klipper4j.core.api.Printer;
import org.klipper4j.core.api.StatusProvider;
import org.klipper4j.core.api.gcode.GCodeCommand;
import org.klipper4j.core.api.gcode.GCodeDispatch;

/**
 * The {@code display_status} object: the progress set by M73 (falling back to the virtual
 * SD card's progress once M73 is stale and the printer is no longer printing) and the
 * message set by M117 or SET_DISPLAY_TEXT.
 */
public final class DisplayStatus implements StatusProvider {
    static final double M73_TIMEOUT = 5.;
    static final String SET_DISPLAY_TEXT_HELP = "Set or clear the display message";

    private final Printer printer;
    private Double progress;
    private String message;
    private double expireProgress;

    public DisplayStatus(ConfigSection config) {
        printer = config.getPrinter();
        GCodeDispatch gcode = printer.lookupObject("gcode", GCodeDispatch.class);
        // replaces the core's plain M117, which only keeps the message
        gcode.registerCommand("M117", null, null);
        gcode.registerCommand("M117", this::cmdM117, null);
        gcode.registerCommand("M73", this::cmdM73, null);
        gcode.registerCommand("SET_DISPLAY_TEXT", this::cmdSetDisplayText, SET_DISPLAY_TEXT_HELP);
    }

    @Override
    public Map<String, Object> getStatus(double eventtime) {
        Double shown = progress;
        if (shown != null && eventtime > expireProgress && !"Printing".equals(idleState(eventtime))) {
            progress = shown = null;
        }
        if (shown == null) {
            shown = sdcardProgress(eventtime);
        }
        Map<String, Object> status = new HashMap<>();
        status.put("progress", shown);
        status.put("message", message);
        return status;
    }

    private String idleState(double eventtime) {
        return printer.findObject("idle_timeout", StatusProvider.class)
                .map(idle -> String.valueOf(idle.getStatus(eventtime).get("state")))
                .orElse("Idle");
    }

    private double sdcardProgress(double eventtime) {
        return printer.findObject("virtual_sdcard", StatusProvider.class)
                .map(sd -> sd.getStatus(eventtime).get("progress"))
                .filter(Number.class::isInstance)
                .map(p -> ((Number) p).doubleValue())
                .orElse(0.);
    }

    private void cmdM73(GCodeCommand cmd) {
        Double percent = cmd.getFloat("P", null);
        if (percent != null) {
            progress = Math.min(1., Math.max(0., percent / 100.));
            expireProgress = printer.getReactor().monotonic() + M73_TIMEOUT;
        }
    }

    private void cmdM117(GCodeCommand cmd) {
        String msg = cmd.getRawCommandParameters();
        message = msg == null || msg.isEmpty() ? null : msg;
    }

    private void cmdSetDisplayText(GCodeCommand cmd) {
        message = cmd.get("MSG", null);
    }
}
