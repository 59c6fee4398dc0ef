/*
 * klipper4j - a Klipper-compatible printer host. GPL-3.0-only.
 */
/**
 * Dual carriages (IDEX): carriage modes PRIMARY/COPY/MIRROR/INACTIVE, shared by the
 * kinematics that support {@code [dual_carriage]} (cartesian, hybrid_corexy,
 * hybrid_corexz, generic_cartesian).
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("0.1.0")
package org.klipper4j.core.api.motion.idex;
