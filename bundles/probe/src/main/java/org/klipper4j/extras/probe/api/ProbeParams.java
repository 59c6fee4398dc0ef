/* klipper4j - a Klipper-compatible printer host. GPL-3.0-only. */
package org.klipper4j.extras.probe.api;

/**
 * How one probe command probes (Klipper's {@code get_probe_params}): the config's values,
 * overridden by the command's PROBE_SPEED, LIFT_SPEED, SAMPLES, SAMPLE_RETRACT_DIST,
 * SAMPLES_TOLERANCE, SAMPLES_TOLERANCE_RETRIES and SAMPLES_RESULT.
 *
 * @param samplesResult {@code "average"} or {@code "median"}
 */
public record ProbeParams(double probeSpeed, double liftSpeed, int samples, double sampleRetractDist,
        double samplesTolerance, int samplesToleranceRetries, String samplesResult) {
}
