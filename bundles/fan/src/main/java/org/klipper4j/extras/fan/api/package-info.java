/* klipper4j - a Klipper-compatible printer host. GPL-3.0-only. */
/** A fan other bundles can build into their objects (temperature_fan, ...). */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("0.1.0")
package org.klipper4j.extras.fan.api;
