/* klipper4j - a Klipper-compatible printer host. GPL-3.0-only. */
/** The example section bundle: {@code [greeter]} and its {@code GREET} command. Private. */
package org.klipper4j.extras.greeter;
