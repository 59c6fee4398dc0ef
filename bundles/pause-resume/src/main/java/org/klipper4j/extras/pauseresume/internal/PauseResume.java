/* klipper4j - a Klipper-compatible printer host. GPL-3.0-only. */
package org.klipper4j.extras.pauseresume.internal;

import java.util.Map;

import org.klipper4j.core.api.ConfigSection;
import org.klipper4j.core.api.Printer;
import org.klipper4j.core.api.PrinterEvents;
import org.klipper4j.core.api.StatusProvider;
import org.klipper4j.core.api.gcode.GCodeCommand;
import org.klipper4j.core.api.gcode.GCodeDispatch;
import org.klipper4j.core.api.webhooks.Webhooks;
import org.klipper4j.extras.virtualsdcard.api.VirtualSdcardControl;

/**
 * Pausing and resuming a print: pauses the virtual SD card when it prints (otherwise tells
 * the front end with {@code action:paused}), saves the G-code state on PAUSE and moves back
 * to it on RESUME. Also the {@code pause_resume/*} API endpoints.
 */
public final class PauseResume implements StatusProvider {
    static final String PAUSE_HELP = "Pauses the current print";
    static final String RESUME_HELP = "Resumes the print from a pause";
    static final String CLEAR_PAUSE_HELP = "Clears the current paused state without resuming the print";
    static final String CANCEL_PRINT_HELP = "Cancel the current print";

    private final Printer printer;
    private final GCodeDispatch gcode;
    private final double recoverVelocity;
    private VirtualSdcardControl sdcard;
    private boolean paused;
    private boolean sdPaused;
    private boolean pauseCommandSent;

    public PauseResume(ConfigSection config) {
        printer = config.getPrinter();
        gcode = printer.lookupObject("gcode", GCodeDispatch.class);
        recoverVelocity = config.getFloat("recover_velocity", 50.);
        printer.registerEventHandler(PrinterEvents.CONNECT, args -> sdcard = printer
                .findObject("virtual_sdcard", VirtualSdcardControl.class).orElse(null));
        gcode.registerCommand("PAUSE", this::cmdPause, PAUSE_HELP);
        gcode.registerCommand("RESUME", this::cmdResume, RESUME_HELP);
        gcode.registerCommand("CLEAR_PAUSE", this::cmdClearPause, CLEAR_PAUSE_HELP);
        gcode.registerCommand("CANCEL_PRINT", this::cmdCancelPrint, CANCEL_PRINT_HELP);
        printer.findObject("webhooks", Webhooks.class).ifPresent(webhooks -> {
            webhooks.registerEndpoint("pause_resume/cancel", request -> gcode.runScript("CANCEL_PRINT"));
            webhooks.registerEndpoint("pause_resume/pause", request -> gcode.runScript("PAUSE"));
            webhooks.registerEndpoint("pause_resume/resume", request -> gcode.runScript("RESUME"));
        });
    }

    @Override
    public Map<String, Object> getStatus(double eventtime) {
        return Map.of("is_paused", paused);
    }

    public boolean isPaused() {
        return paused;
    }

    private boolean sdActive() {
        return sdcard != null && sdcard.isActive();
    }

    /**
     * Stops the source of the print at once (the SD card, or the front end); the printer
     * counts as paused only when PAUSE runs. Also used by filament sensors.
     */
    public void sendPauseCommand() {
        if (pauseCommandSent) {
            return;
        }
        if (sdActive()) {
            sdPaused = true;
            sdcard.doPause();
        } else {
            sdPaused = false;
            gcode.respondInfo("action:paused");
        }
        pauseCommandSent = true;
    }

    private void cmdPause(GCodeCommand cmd) {
        if (paused) {
            cmd.respondInfo("Print already paused");
            return;
        }
        sendPauseCommand();
        gcode.runScriptFromCommand("SAVE_GCODE_STATE NAME=PAUSE_STATE");
        paused = true;
    }

    private void sendResumeCommand() {
        if (sdPaused) {
            sdcard.doResume();
            sdPaused = false;
        } else {
            gcode.respondInfo("action:resumed");
        }
        pauseCommandSent = false;
    }

    private void cmdResume(GCodeCommand cmd) {
        if (!paused) {
            cmd.respondInfo("Print is not paused, resume aborted");
            return;
        }
        double velocity = cmd.getFloat("VELOCITY", recoverVelocity);
        gcode.runScriptFromCommand(String.format(java.util.Locale.ROOT,
                "RESTORE_GCODE_STATE NAME=PAUSE_STATE MOVE=1 MOVE_SPEED=%.4f", velocity));
        sendResumeCommand();
        paused = false;
    }

    private void cmdClearPause(GCodeCommand cmd) {
        paused = false;
        pauseCommandSent = false;
    }

    private void cmdCancelPrint(GCodeCommand cmd) {
        if (sdActive() || sdPaused) {
            sdcard.doCancel();
        } else {
            cmd.respondInfo("action:cancel");
        }
        cmdClearPause(cmd);
    }
}
