/* klipper4j - a Klipper-compatible printer host. GPL-3.0-only. */
package org.klipper4j.core.internal.gcode;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.klipper4j.core.api.Printer;
import org.klipper4j.core.api.gcode.GCodeCommand;
import org.klipper4j.core.api.motion.Toolhead;
import org.klipper4j.core.api.reactor.Reactor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The commands Klipper's gcode.py provides before any config is read, and its fallback handler. */
final class BuiltinCommands {
    private static final Logger LOG = LoggerFactory.getLogger(BuiltinCommands.class);
    /** Sent with the print time before a restart or exit waits for the moves. */
    static final String RESTART_EVENT = "gcode:request_restart";

    private final Printer printer;
    private final GCodeDispatcher gcode;
    private String softwareVersion = defaultVersion();
    private String displayMessage;

    BuiltinCommands(Printer printer, GCodeDispatcher gcode) {
        this.printer = printer;
        this.gcode = gcode;
    }

    private static String defaultVersion() {
        return org.klipper4j.core.internal.HostVersion.softwareVersion();
    }

    void setSoftwareVersion(String version) {
        this.softwareVersion = version;
    }

    void register() {
        gcode.registerCommand("M110", gcmd -> { }, true, null);
        gcode.registerCommand("M112", gcmd -> emergencyStop(), true, null);
        gcode.registerCommand("M115", this::firmwareInfo, true, null);
        gcode.registerCommand("RESTART", gcmd -> requestRestart("restart"), true,
                "Reload config file and restart host software");
        gcode.registerCommand("FIRMWARE_RESTART", gcmd -> requestRestart("firmware_restart"), true,
                "Restart firmware, host, and reload config");
        gcode.registerCommand("ECHO", gcmd -> gcode.respondInfo(gcmd.getCommandline(), false), true, null);
        gcode.registerCommand("STATUS", this::status, true, "Report the printer status");
        gcode.registerCommand("HELP", this::help, true, "Report the list of available extended G-Code commands");
        // Klipper's display_status keeps the M117 message; a display module may replace this command.
        gcode.registerCommand("M117", gcmd -> {
            String msg = gcmd.getRawCommandParameters();
            displayMessage = msg.isEmpty() ? null : msg;
        }, false, null);
    }

    /** The last M117 message, or null. */
    String displayMessage() {
        return displayMessage;
    }

    void emergencyStop() {
        printer.invokeShutdown("Shutdown due to M112 command");
    }

    private void firmwareInfo(GCodeCommand gcmd) {
        String msg = "FIRMWARE_NAME:Klipper FIRMWARE_VERSION:" + softwareVersion;
        if (!gcmd.ack(msg)) {
            gcmd.respondInfo(msg);
        }
    }

    void requestRestart(String result) {
        Optional<Toolhead> toolhead = gcode.isPrinterReady()
                ? printer.findObject("toolhead", Toolhead.class) : Optional.empty();
        if (toolhead.isPresent()) {
            double printTime = toolhead.get().getLastMoveTime();
            if (result.equals("exit")) {
                LOG.info(String.format(Locale.ROOT, "Exiting (print time %.3fs)", printTime));
            }
            printer.sendEvent(RESTART_EVENT, printTime);
            toolhead.get().dwell(0.500);
            toolhead.get().waitMoves();
            // Callbacks queued by the restart event (drivers disabled at motor off) run
            // before the exit, as Klipper's output shows; in batch mode waitMoves does not yield.
            printer.getReactor().pause(Reactor.NOW);
        }
        printer.requestExit(result);
    }

    private void status(GCodeCommand gcmd) {
        if (gcode.isPrinterReady()) {
            gcode.respondState("Ready");
            return;
        }
        String msg = stripTrailing(printer.getStateMessage()) + "\nKlipper state: Not ready";
        throw gcmd.error(msg);
    }

    private void help(GCodeCommand gcmd) {
        List<String> lines = new ArrayList<>();
        if (!gcode.isPrinterReady()) {
            lines.add("Printer is not ready - not all commands available.");
        }
        lines.add("Available extended commands:");
        Map<String, String> help = gcode.getCommandHelp();
        for (String name : gcode.activeCommands().keySet()) {
            if (help.containsKey(name)) {
                lines.add(String.format(Locale.ROOT, "%-10s: %s", name, help.get(name)));
            }
        }
        gcode.respondInfo(String.join("\n", lines), false);
    }

    /** Klipper's cmd_default: quietly accepts a few commands, else reports them unknown. */
    void unknownCommand(GCodeCommandImpl gcmd) throws Exception {
        String cmd = gcmd.getCommand();
        if (cmd.equals("M105")) {
            // Don't warn about temperature requests when not ready.
            gcmd.ack("T:0");
            return;
        }
        if (cmd.equals("M21")) {
            return;
        }
        if (!gcode.isPrinterReady()) {
            throw gcmd.error(printer.getStateMessage());
        }
        if (cmd.isEmpty()) {
            if (!gcmd.getCommandline().isEmpty()) {
                LOG.debug(gcmd.getCommandline());
            }
            return;
        }
        if (cmd.contains(" ")) {
            // M117/M118/M23 whose text starts with digits parse as one word: pass the raw text on.
            String realCmd = cmd.split("\\s+")[0];
            if (List.of("M117", "M118", "M23").contains(realCmd) && gcode.invokeIfActive(realCmd, gcmd)) {
                return;
            }
        } else if ((cmd.equals("M140") || cmd.equals("M104")) && gcmd.getFloat("S", 0.0) == 0.0) {
            // Turning off a heater that does not exist is fine.
            return;
        } else if (cmd.equals("M107")
                || (cmd.equals("M106") && (gcmd.getFloat("S", 1.0) == 0.0 || gcode.isFileInput()))) {
            return;
        }
        gcmd.respondInfo("Unknown command:\"" + cmd + "\"");
    }

    private static String stripTrailing(String s) {
        return s == null ? "" : s.stripTrailing();
    }
}
