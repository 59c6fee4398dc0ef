/* klipper4j - a Klipper-compatible printer host. GPL-3.0-only. */
/** The virtual_sdcard object as other bundles (pause_resume, sdcard_loop, display) use it. */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("0.1.0")
package org.klipper4j.extras.virtualsdcard.api;
