/* klipper4j - a Klipper-compatible printer host. GPL-3.0-only. */
/** The {@code [display_status]} section: M73 progress and the M117 message. Private. */
package org.klipper4j.extras.displaystatus.internal;
