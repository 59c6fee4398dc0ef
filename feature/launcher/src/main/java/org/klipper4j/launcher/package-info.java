/* klipper4j - a Klipper-compatible printer host. GPL-3.0-only. */
/** The plain-Java entry point that starts the OSGi framework. */
package org.klipper4j.launcher;
