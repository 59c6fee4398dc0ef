/* klipper4j - a Klipper-compatible printer host. GPL-3.0-only. */
package org.klipper4j.extras.probe.api;

import java.util.List;

import org.klipper4j.core.api.gcode.GCodeCommand;

/** Several probes in one command (the probe stays deployed between them when it can). */
public interface ProbeSession {
    /** Probes at the current XY position (all samples) and keeps the result. */
    void runProbe(GCodeCommand gcmd);

    /** The results [x, y, z] kept since the last pull, in probing order. */
    List<double[]> pullProbedResults();

    /** Ends the session (stows the probe). */
    void endProbeSession();
}
