/* klipper4j - a Klipper-compatible printer host. GPL-3.0-only. */
package org.klipper4j.extras.outputpin.internal;

import org.klipper4j.core.api.Bounds;
import org.klipper4j.core.api.gcode.GCodeCommand;

/** A required number parameter with limits (Klipper's {@code get_float(name, minval=..)} without default). */
final class RequiredParam {
    private RequiredParam() {
    }

    static double getFloat(GCodeCommand cmd, String name, Bounds bounds) {
        Double value = cmd.getFloat(name, null, bounds);
        // absent: the plain getter raises Klipper's "missing NAME" error
        return value != null ? value : cmd.getFloat(name);
    }
}
