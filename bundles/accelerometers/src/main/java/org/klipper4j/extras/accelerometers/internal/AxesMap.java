/* klipper4j - a Klipper-compatible printer host. GPL-3.0-only. */
package org.klipper4j.extras.accelerometers.internal;

import java.util.List;

import org.klipper4j.core.api.ConfigSection;

/**
 * Which chip axis (and sign) gives each printer axis: the {@code axes_map}
 * option, e.g. {@code -x,-y,z} or {@code y,x,z}.
 */
public final class AxesMap {
    private static final List<String> ENTRIES = List.of("x", "y", "z", "-x", "-y", "-z");

    private final int[] chipAxis = new int[3];
    private final double[] sign = new double[3];

    private AxesMap(List<String> entries) {
        for (int i = 0; i < 3; i++) {
            String e = entries.get(i);
            sign[i] = e.startsWith("-") ? -1. : 1.;
            chipAxis[i] = e.charAt(e.length() - 1) - 'x';
        }
    }

    public static AxesMap fromConfig(ConfigSection config) {
        List<String> entries = config.getList("axes_map", List.of("x", "y", "z"), ",");
        if (entries.size() != 3) {
            throw config.error("Option 'axes_map' in section '" + config.getName() + "' must have 3 elements");
        }
        for (String e : entries) {
            if (!ENTRIES.contains(e.strip())) {
                throw config.error("Invalid axes_map parameter");
            }
        }
        return new AxesMap(entries.stream().map(String::strip).toList());
    }

    /** Printer-frame acceleration from the chip's three axis readings. */
    public double[] toPrinterFrame(double[] chip) {
        double[] out = new double[3];
        for (int i = 0; i < 3; i++) {
            out[i] = sign[i] * chip[chipAxis[i]];
        }
        return out;
    }
}
