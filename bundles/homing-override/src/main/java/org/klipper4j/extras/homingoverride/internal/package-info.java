/* klipper4j - a Klipper-compatible printer host. GPL-3.0-only. */
/** The {@code [homing_override]} section: a G-code script in place of G28. Private. */
package org.klipper4j.extras.homingoverride.internal;
