/* klipper4j - a Klipper-compatible printer host. GPL-3.0-only. */
/** Helpers other output bundles share: the G-code request queue and MCU timing limits. */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("0.1.0")
package org.klipper4j.extras.outputpin.api;
