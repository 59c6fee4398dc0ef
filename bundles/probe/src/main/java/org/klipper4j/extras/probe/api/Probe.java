/* klipper4j - a Klipper-compatible printer host. GPL-3.0-only. */
package org.klipper4j.extras.probe.api;

import org.klipper4j.core.api.gcode.GCodeCommand;

/** A Z probe (Klipper's {@code probe} object), registered as {@value #NAME}. */
public interface Probe {
    String NAME = "probe";

    /** The probing parameters of {@code gcmd} (null: the config's). */
    ProbeParams getProbeParams(GCodeCommand gcmd);

    /** [x_offset, y_offset, z_offset] of the probe from the nozzle. */
    double[] getOffsets();

    /** Starts a session; end it with {@link ProbeSession#endProbeSession()}. */
    ProbeSession startProbeSession(GCodeCommand gcmd);
}
