/* klipper4j - a Klipper-compatible printer host. GPL-3.0-only. */
/** The {@code [idle_timeout]} section: Printing/Ready/Idle states and the idle script. Private. */
package org.klipper4j.extras.idletimeout.internal;
