/* klipper4j - a Klipper-compatible printer host. GPL-3.0-only. */
/**
 * The probe API for sections that probe the bed (bed_mesh, z_tilt, quad_gantry_level,
 * screws_tilt_adjust, delta_calibrate): the {@link org.klipper4j.extras.probe.api.Probe}
 * object (registered as {@code "probe"} by [probe], [bltouch], [smart_effector]), probe
 * sessions, {@link org.klipper4j.extras.probe.api.ProbePointsHelper} (probe a list of
 * points with the probe or with METHOD=manual) and
 * {@link org.klipper4j.extras.probe.api.ManualProbeHelper} (TESTZ/ACCEPT/ABORT).
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("0.1.0")
package org.klipper4j.extras.probe.api;
