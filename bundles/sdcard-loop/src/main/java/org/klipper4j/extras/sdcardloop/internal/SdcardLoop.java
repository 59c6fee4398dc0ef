/* klipper4j - a Klipper-compatible printer host. GPL-3.0-only. */
package org.klipper4j.extras.sdcardloop.internal;

import java.util.ArrayDeque;
import java.util.Deque;

import org.klipper4j.core.api.Printer;
import org.klipper4j.core.api.gcode.GCodeCommand;
import org.klipper4j.core.api.gcode.GCodeDispatch;
import org.klipper4j.extras.virtualsdcard.api.VirtualSdcardControl;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A stack of loops in the file the virtual SD card prints: a loop remembers where its body
 * starts and how many runs are left (0: endless); its end seeks back while runs remain.
 */
final class SdcardLoop {
    static final String BEGIN_HELP = "Begins a looped section in the SD file.";
    static final String END_HELP = "Ends a looped section in the SD file.";
    static final String DESIST_HELP = "Stops iterating the current loop stack.";
    private static final Logger LOG = LoggerFactory.getLogger(SdcardLoop.class);

    private record Loop(int count, long position) {
    }

    private final VirtualSdcardControl sdcard;
    private final Deque<Loop> stack = new ArrayDeque<>();

    SdcardLoop(VirtualSdcardControl sdcard) {
        this.sdcard = sdcard;
    }

    void registerCommands(Printer printer) {
        GCodeDispatch gcode = printer.lookupObject("gcode", GCodeDispatch.class);
        gcode.registerCommand("SDCARD_LOOP_BEGIN", this::cmdBegin, BEGIN_HELP);
        gcode.registerCommand("SDCARD_LOOP_END", this::cmdEnd, END_HELP);
        gcode.registerCommand("SDCARD_LOOP_DESIST", this::cmdDesist, DESIST_HELP);
    }

    private void cmdBegin(GCodeCommand cmd) {
        int count = cmd.getInt("COUNT", null, 0, null);
        if (!loopBegin(count)) {
            throw cmd.error("Only permitted in SD file.");
        }
    }

    private void cmdEnd(GCodeCommand cmd) {
        if (!loopEnd()) {
            throw cmd.error("Only permitted in SD file.");
        }
    }

    private void cmdDesist(GCodeCommand cmd) {
        if (!loopDesist()) {
            throw cmd.error("Only permitted outside of a SD file.");
        }
    }

    boolean loopBegin(int count) {
        if (!sdcard.isCmdFromSd()) {
            return false;
        }
        stack.push(new Loop(count, sdcard.getFilePosition()));
        return true;
    }

    boolean loopEnd() {
        if (!sdcard.isCmdFromSd()) {
            return false;
        }
        Loop loop = stack.poll();
        if (loop == null || loop.count() == 1) {
            // no loop open, or its last run ended
            return true;
        }
        sdcard.setFilePosition(loop.position());
        stack.push(new Loop(loop.count() == 0 ? 0 : loop.count() - 1, loop.position()));
        return true;
    }

    boolean loopDesist() {
        if (sdcard.isCmdFromSd()) {
            return false;
        }
        LOG.info("Desisting existing SD loops");
        stack.clear();
        return true;
    }

    /** How many loops are open. */
    int depth() {
        return stack.size();
    }
}
