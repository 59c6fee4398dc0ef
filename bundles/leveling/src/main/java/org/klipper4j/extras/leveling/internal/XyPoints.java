/* klipper4j - a Klipper-compatible printer host. GPL-3.0-only. */
package org.klipper4j.extras.leveling.internal;

import java.util.ArrayList;
import java.util.List;

import org.klipper4j.core.api.ConfigException;
import org.klipper4j.core.api.ConfigSection;

/** Reads an option holding one "x, y" pair per line. */
final class XyPoints {
    private XyPoints() {
    }

    static List<double[]> read(ConfigSection config, String option) {
        List<double[]> points = new ArrayList<>();
        for (List<String> row : config.getLists(option, null, ",")) {
            if (row.size() != 2) {
                throw new ConfigException("Option '" + option + "' in section '" + config.getName()
                        + "' must have 2 elements");
            }
            try {
                points.add(new double[] {Double.parseDouble(row.get(0).strip()),
                    Double.parseDouble(row.get(1).strip())});
            } catch (NumberFormatException e) {
                throw new ConfigException("Unable to parse option '" + option + "' in section '"
                        + config.getName() + "'");
            }
        }
        return points;
    }
}
