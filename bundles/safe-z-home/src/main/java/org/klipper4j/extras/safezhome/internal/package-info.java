/* klipper4j - a Klipper-compatible printer host. GPL-3.0-only. */
/** The {@code [safe_z_home]} section: Z homed at a fixed XY position. Private. */
package org.klipper4j.extras.safezhome.internal;
