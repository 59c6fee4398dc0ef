/* klipper4j - a Klipper-compatible printer host. GPL-3.0-only. */
/** The print_stats object as other bundles (virtual_sdcard, pause_resume) use it. */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("0.1.0")
package org.klipper4j.extras.printstats.api;
