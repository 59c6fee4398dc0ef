/* klipper4j - a Klipper-compatible printer host. GPL-3.0-only. */
package org.klipper4j.core.internal.toolhead;

import java.util.ArrayList;
import java.util.List;

import org.klipper4j.core.api.Printer;
import org.klipper4j.core.api.gcode.CommandError;
import org.klipper4j.core.api.gcode.GCodeCommand;
import org.klipper4j.core.api.gcode.GCodeDispatch;
import org.klipper4j.core.api.mcu.McuEndstop;
import org.klipper4j.core.api.motion.PrinterHoming;
import org.klipper4j.core.api.motion.Rail;
import org.klipper4j.core.api.motion.StepperEnable;
import org.klipper4j.core.api.motion.Toolhead;

/** G28, probing moves and manual homing moves (Klipper's PrinterHoming). */
public final class HomingCommands implements PrinterHoming {
    private final Printer printer;
    private final Toolhead toolhead;

    public HomingCommands(Printer printer, Toolhead toolhead, GCodeDispatch gcode) {
        this.printer = printer;
        this.toolhead = toolhead;
        gcode.registerCommand("G28", this::cmdG28, null);
    }

    private void cmdG28(GCodeCommand gcmd) {
        List<Integer> axes = new ArrayList<>();
        String names = "XYZ";
        for (int i = 0; i < 3; i++) {
            if (gcmd.get(String.valueOf(names.charAt(i)), null) != null) {
                axes.add(i);
            }
        }
        if (axes.isEmpty()) {
            axes = List.of(0, 1, 2);
        }
        HomingImpl homing = new HomingImpl(printer, toolhead);
        homing.setAxes(axes);
        try {
            toolhead.getKinematics().home(homing);
        } catch (CommandError e) {
            if (printer.isShutdown()) {
                throw new CommandError("Homing failed due to printer shutdown");
            }
            printer.findObject(StepperEnable.NAME, StepperEnable.class).ifPresent(StepperEnable::motorOff);
            throw e;
        }
    }

    @Override
    public double[] probingMove(McuEndstop probe, double[] pos, double speed) {
        HomingMove hmove = new HomingMove(printer, toolhead, List.of(new Rail.NamedEndstop(probe, "probe")));
        double[] epos;
        try {
            epos = hmove.homingMove(pos, speed, true, true, true);
        } catch (CommandError e) {
            if (printer.isShutdown()) {
                throw new CommandError("Probing failed due to printer shutdown");
            }
            throw e;
        }
        if (hmove.checkNoMovement() != null) {
            throw new CommandError("Probe triggered prior to movement");
        }
        return epos;
    }

    @Override
    public void manualHome(Toolhead target, List<Rail.NamedEndstop> endstops, double[] pos, double speed,
            boolean triggered, boolean checkTriggered) {
        HomingMove hmove = new HomingMove(printer, target, endstops);
        try {
            hmove.homingMove(pos, speed, triggered, checkTriggered);
        } catch (CommandError e) {
            if (printer.isShutdown()) {
                throw new CommandError("Homing failed due to printer shutdown");
            }
            throw e;
        }
    }
}
