/* klipper4j - a Klipper-compatible printer host. GPL-3.0-only. */
/** Heaters and temperature sensors as other bundles (the extruder, fans, macros) use them. */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("0.1.0")
package org.klipper4j.extras.heaters.api;
