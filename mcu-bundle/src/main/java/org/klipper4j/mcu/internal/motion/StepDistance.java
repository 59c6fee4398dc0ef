/* klipper4j - a Klipper-compatible printer host. GPL-3.0-only. */
package org.klipper4j.mcu.internal.motion;

import java.util.List;

import org.klipper4j.core.api.ConfigException;
import org.klipper4j.core.api.ConfigSection;

/** Reads a stepper's distance per step from rotation_distance, microsteps, full steps and gear ratio. */
final class StepDistance {
    private StepDistance() {
    }

    /** Returns {rotation distance, steps per rotation}. */
    static double[] parse(ConfigSection config, boolean unitsInRadians) {
        double rotationDist;
        if (unitsInRadians) {
            rotationDist = 2. * Math.PI;
            // a rotary axis has no distance per turn: its gearing must be given (as Klipper requires)
            config.get("gear_ratio");
        } else {
            rotationDist = config.getFloat("rotation_distance");
            if (!(rotationDist > 0.)) {
                throw new ConfigException("Option 'rotation_distance' in section '" + config.getName()
                        + "' must be above 0.0");
            }
        }
        int microsteps = config.getInt("microsteps");
        if (microsteps < 1) {
            throw new ConfigException("Option 'microsteps' in section '" + config.getName()
                    + "' must have minimum of 1");
        }
        int fullSteps = config.getInt("full_steps_per_rotation", 200, 1, null);
        if (fullSteps % 4 != 0) {
            throw new ConfigException("full_steps_per_rotation invalid in section '" + config.getName() + "'");
        }
        double gearing = gearRatio(config);
        return new double[] {rotationDist, fullSteps * microsteps * gearing};
    }

    static double gearRatio(ConfigSection config) {
        List<List<String>> pairs = config.getLists("gear_ratio", List.of(), ",");
        double result = 1.;
        for (List<String> row : pairs) {
            for (String pair : row) {
                String[] parts = pair.split(":");
                if (parts.length != 2) {
                    throw new ConfigException("Option 'gear_ratio' in section '" + config.getName()
                            + "' must have 2 elements");
                }
                try {
                    result *= Double.parseDouble(parts[0].trim()) / Double.parseDouble(parts[1].trim());
                } catch (NumberFormatException e) {
                    throw new ConfigException("Unable to parse option 'gear_ratio' in section '" + config.getName()
                            + "'");
                }
            }
        }
        return result;
    }
}
