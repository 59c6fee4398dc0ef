/* klipper4j - a Klipper-compatible printer host. GPL-3.0-only. */
/** Hobby servos ({@code [servo NAME]}, SET_SERVO). Private. */
package org.klipper4j.extras.servo.internal;
