/* klipper4j - a Klipper-compatible printer host. GPL-3.0-only. */
package org.klipper4j.core.internal.toolhead;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.StringJoiner;
import java.util.function.Supplier;

import org.klipper4j.core.api.motion.Kinematics;
import org.klipper4j.core.api.motion.Stepper;
import org.klipper4j.core.internal.gcode.GCodeMove;

/** The stepper lines of GET_POSITION (mcu, stepper, kinematic), in Klipper's format. */
final class StepperPositionReport implements GCodeMove.StepperReport {
    private static final String AXES = "XYZ";

    private final Supplier<Kinematics> kinematics;

    /** @param kinematics the toolhead's kinematics, asked at each report */
    StepperPositionReport(Supplier<Kinematics> kinematics) {
        this.kinematics = kinematics;
    }

    private List<Stepper> steppers() {
        return kinematics.get().getSteppers();
    }

    @Override
    public String mcuPositions() {
        StringJoiner line = new StringJoiner(" ");
        for (Stepper s : steppers()) {
            line.add(s.getName() + ":" + s.getMcuPosition());
        }
        return line.toString();
    }

    @Override
    public String stepperPositions() {
        StringJoiner line = new StringJoiner(" ");
        for (Stepper s : steppers()) {
            line.add(String.format(Locale.ROOT, "%s:%.6f", s.getName(), s.getCommandedPosition()));
        }
        return line.toString();
    }

    @Override
    public String kinematicPositions() {
        Map<String, Double> commanded = new LinkedHashMap<>();
        for (Stepper s : steppers()) {
            commanded.put(s.getName(), s.getCommandedPosition());
        }
        Kinematics kin = kinematics.get();
        double[] pos = kin.calcPosition(commanded);
        StringJoiner line = new StringJoiner(" ");
        for (int i = 0; i < Math.min(AXES.length(), pos.length); i++) {
            line.add(String.format(Locale.ROOT, "%c:%.6f", AXES.charAt(i), pos[i]));
        }
        return line.toString();
    }
}
