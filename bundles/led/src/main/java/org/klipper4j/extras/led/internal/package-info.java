/* klipper4j - a Klipper-compatible printer host. GPL-3.0-only. */
/** LEDs ({@code [led]}, {@code [neopixel]}, {@code [dotstar]}, {@code [pca9533]}, {@code [pca9632]}) and {@code [display_template]}. Private. */
package org.klipper4j.extras.led.internal;
