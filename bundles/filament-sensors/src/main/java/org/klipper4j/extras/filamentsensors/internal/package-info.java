/* klipper4j - a Klipper-compatible printer host. GPL-3.0-only. */
/** Filament runout sensors ({@code filament_switch_sensor}, {@code filament_motion_sensor}) and MCU buttons. Private. */
package org.klipper4j.extras.filamentsensors.internal;
