/* klipper4j - a Klipper-compatible printer host. GPL-3.0-only. */
package org.klipper4j.core.api.motion;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.klipper4j.core.api.ConfigException;
import org.klipper4j.core.api.ConfigSection;

/**
 * What the three-tower kinematics (delta, rotary delta) and their calibrations share:
 * the towers' names, their rails, and the per-tower parameters of a calibration.
 */
public final class DeltaTowers {
    /** The tower letters, in tower order: {@code [stepper_a]}, {@code _b}, {@code _c}. */
    public static final String LETTERS = "abc";
    public static final int COUNT = 3;

    private DeltaTowers() {
    }

    /** The config section of tower {@code tower}'s stepper, e.g. {@code stepper_a}. */
    public static String stepperSectionName(int tower) {
        return "stepper_" + LETTERS.charAt(tower);
    }

    /** The sections {@code [stepper_a]}, {@code [stepper_b]}, {@code [stepper_c]}. */
    public static ConfigSection[] stepperSections(ConfigSection printer) {
        ConfigSection[] sections = new ConfigSection[COUNT];
        for (int i = 0; i < COUNT; i++) {
            sections[i] = printer.getSection(stepperSectionName(i));
        }
        return sections;
    }

    /** The towers' rails; towers b and c default their position_endstop to tower a's. */
    public static List<Rail> createRails(MotionQueuing motionQueuing, ConfigSection[] stepperSections,
            boolean unitsInRadians) {
        List<Rail> rails = new ArrayList<>();
        Rail railA = motionQueuing.createRail(stepperSections[0], false, null, unitsInRadians);
        double aEndstop = railA.getHomingInfo().positionEndstop();
        rails.add(railA);
        for (int i = 1; i < COUNT; i++) {
            rails.add(motionQueuing.createRail(stepperSections[i], false, aEndstop, unitsInRadians));
        }
        return rails;
    }

    /** Every stepper of the rails, in rail order. */
    public static List<Stepper> allSteppers(List<Rail> rails) {
        List<Stepper> all = new ArrayList<>();
        for (Rail r : rails) {
            all.addAll(r.getSteppers());
        }
        return all;
    }

    /** Each rail's position_endstop, in rail order. */
    public static double[] positionEndstops(List<Rail> rails) {
        double[] endstops = new double[rails.size()];
        for (int i = 0; i < endstops.length; i++) {
            endstops[i] = rails.get(i).getHomingInfo().positionEndstop();
        }
        return endstops;
    }

    /** The step distance of each rail's first stepper, in rail order. */
    public static double[] stepDistances(List<Rail> rails) {
        double[] stepdists = new double[rails.size()];
        for (int i = 0; i < stepdists.length; i++) {
            stepdists[i] = rails.get(i).getSteppers().get(0).getStepDist();
        }
        return stepdists;
    }

    /** Each rail's position from the positions by stepper name, in rail order. */
    public static double[] railPositions(List<Rail> rails, Map<String, Double> stepperPositions) {
        double[] positions = new double[rails.size()];
        for (int i = 0; i < positions.length; i++) {
            Double p = stepperPositions.get(rails.get(i).getName());
            if (p == null) {
                throw new ConfigException("No position for stepper '" + rails.get(i).getName() + "'");
            }
            positions[i] = p;
        }
        return positions;
    }

    /** The values {@code prefix + a}, {@code prefix + b}, {@code prefix + c} of calibration parameters. */
    public static double[] perTower(Map<String, Double> params, String prefix) {
        double[] v = new double[COUNT];
        for (int i = 0; i < COUNT; i++) {
            String name = prefix + LETTERS.charAt(i);
            Double d = params.get(name);
            if (d == null) {
                throw new IllegalArgumentException("missing delta parameter " + name);
            }
            v[i] = d;
        }
        return v;
    }

    /** A calibrated value as SAVE_CONFIG and the calibration summary write it. */
    public static String formatCalibrated(double v) {
        return String.format(Locale.ROOT, "%.6f", v);
    }
}
