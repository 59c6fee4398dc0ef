/* klipper4j - a Klipper-compatible printer host. GPL-3.0-only. */
package org.klipper4j.extras.probe.internal;

import java.util.Map;

import org.klipper4j.core.api.Bounds;
import org.klipper4j.core.api.ConfigSection;
import org.klipper4j.core.api.gcode.GCodeCommand;
import org.klipper4j.extras.probe.api.ProbeParams;

/** The probing options of a probe section and their per-command overrides. */
final class ProbeParameters {
    private final double speed;
    private final double liftSpeed;
    private final int samples;
    private final double sampleRetractDist;
    private final String samplesResult;
    private final double samplesTolerance;
    private final int samplesRetries;

    ProbeParameters(ConfigSection config) {
        speed = config.getFloat("speed", 5.0, Bounds.above(0.));
        liftSpeed = config.getFloat("lift_speed", speed, Bounds.above(0.));
        samples = config.getInt("samples", 1, 1, null);
        sampleRetractDist = config.getFloat("sample_retract_dist", 2., Bounds.above(0.));
        samplesResult = config.getChoice("samples_result", Map.of("median", "median", "average", "average"),
                "average");
        samplesTolerance = config.getFloat("samples_tolerance", 0.100, Bounds.min(0.));
        samplesRetries = config.getInt("samples_tolerance_retries", 0, 0, null);
    }

    ProbeParams get(GCodeCommand gcmd) {
        if (gcmd == null) {
            return new ProbeParams(speed, liftSpeed, samples, sampleRetractDist, samplesTolerance, samplesRetries,
                    samplesResult);
        }
        return new ProbeParams(gcmd.getFloat("PROBE_SPEED", speed, Bounds.above(0.)),
                gcmd.getFloat("LIFT_SPEED", liftSpeed, Bounds.above(0.)),
                gcmd.getInt("SAMPLES", samples, 1, null),
                gcmd.getFloat("SAMPLE_RETRACT_DIST", sampleRetractDist, Bounds.above(0.)),
                gcmd.getFloat("SAMPLES_TOLERANCE", samplesTolerance, Bounds.min(0.)),
                gcmd.getInt("SAMPLES_TOLERANCE_RETRIES", samplesRetries, 0, null),
                gcmd.get("SAMPLES_RESULT", samplesResult));
    }
}
