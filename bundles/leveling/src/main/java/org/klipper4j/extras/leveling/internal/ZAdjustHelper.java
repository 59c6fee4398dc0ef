/* klipper4j - a Klipper-compatible printer host. GPL-3.0-only. */
package org.klipper4j.extras.leveling.internal;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

import org.klipper4j.core.api.ConfigException;
import org.klipper4j.core.api.ConfigSection;
import org.klipper4j.core.api.Printer;
import org.klipper4j.core.api.PrinterEvents;
import org.klipper4j.core.api.gcode.GCodeDispatch;
import org.klipper4j.core.api.motion.Stepper;
import org.klipper4j.core.api.motion.Toolhead;

/**
 * Moves the Z steppers one by one to level a bed or gantry (Klipper's ZAdjustHelper): all
 * Z steppers are detached from the toolhead, then attached again from the one needing
 * the lowest position up, so each move raises the steppers attached so far.
 */
final class ZAdjustHelper {
    private record Offset(double offset, int index, Stepper stepper) {
    }

    private final Printer printer;
    private final String name;
    private final int zCount;
    private List<Stepper> zSteppers = List.of();

    ZAdjustHelper(ConfigSection config, int zCount) {
        this.printer = config.getPrinter();
        this.name = config.getName();
        this.zCount = zCount;
        printer.registerEventHandler(PrinterEvents.CONNECT, args -> handleConnect());
    }

    private void handleConnect() {
        Toolhead toolhead = printer.lookupObject("toolhead", Toolhead.class);
        List<Stepper> steppers = toolhead.getKinematics().getSteppers().stream()
                .filter(s -> s.isActiveAxis('z')).collect(Collectors.toList());
        if (steppers.size() != zCount) {
            throw new ConfigException(name + " z_positions needs exactly " + steppers.size() + " items");
        }
        if (steppers.size() < 2) {
            throw new ConfigException(name + " requires multiple z steppers");
        }
        zSteppers = steppers;
    }

    /** Raises each Z stepper by its adjustment (mm) relative to the others, at {@code speed}. */
    void adjustSteppers(double[] adjustments, double speed) {
        Toolhead toolhead = printer.lookupObject("toolhead", Toolhead.class);
        GCodeDispatch gcode = printer.lookupObject("gcode", GCodeDispatch.class);
        double[] curpos = toolhead.getPosition();
        StringBuilder msg = new StringBuilder("Making the following Z adjustments:");
        for (int i = 0; i < zSteppers.size(); i++) {
            msg.append('\n').append(zSteppers.get(i).getName())
                    .append(String.format(Locale.ROOT, " = %.6f", adjustments[i]));
        }
        gcode.respondInfo(msg.toString());
        toolhead.flushStepGeneration();
        for (Stepper s : zSteppers) {
            s.setTrapq(null);
        }
        // sorted as Python sorts (offset, stepper) tuples: ties keep config order
        List<Offset> positions = new ArrayList<>();
        for (int i = 0; i < zSteppers.size(); i++) {
            positions.add(new Offset(-adjustments[i], i, zSteppers.get(i)));
        }
        positions.sort(Comparator.comparingDouble(Offset::offset).thenComparingInt(Offset::index));
        double firstOffset = positions.get(0).offset();
        double zLow = curpos[2] - firstOffset;
        for (int i = 0; i < positions.size() - 1; i++) {
            toolhead.flushStepGeneration();
            positions.get(i).stepper().setTrapq(toolhead.getTrapq());
            curpos[2] = zLow + positions.get(i + 1).offset();
            try {
                toolhead.move(curpos, speed);
                toolhead.setPosition(curpos, "");
            } catch (RuntimeException e) {
                toolhead.flushStepGeneration();
                for (Stepper s : zSteppers) {
                    s.setTrapq(toolhead.getTrapq());
                }
                throw e;
            }
        }
        toolhead.flushStepGeneration();
        positions.get(positions.size() - 1).stepper().setTrapq(toolhead.getTrapq());
        curpos[2] += firstOffset;
        toolhead.setPosition(curpos, "");
    }
}
