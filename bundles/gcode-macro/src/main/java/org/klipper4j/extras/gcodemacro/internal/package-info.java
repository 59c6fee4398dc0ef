/* klipper4j - a Klipper-compatible printer host. GPL-3.0-only. */
/** Klipper's {@code [gcode_macro]}, {@code [delayed_gcode]} and {@code [save_variables]}. Private. */
package org.klipper4j.extras.gcodemacro.internal;
