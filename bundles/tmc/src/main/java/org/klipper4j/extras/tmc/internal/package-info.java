/* klipper4j - a Klipper-compatible printer host. GPL-3.0-only. */
/** TMC stepper drivers ([tmc2130], [tmc2208], [tmc2209], [tmc2240], [tmc2660], [tmc5160]) and [endstop_phase]. Private. */
package org.klipper4j.extras.tmc.internal;
