/* klipper4j - a Klipper-compatible printer host. GPL-3.0-only. */
/** The {@code [sdcard_loop]} section: repeating parts of a virtual SD card file. Private. */
package org.klipper4j.extras.sdcardloop.internal;
