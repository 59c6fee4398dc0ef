/*
 * klipper4j - a Klipper-compatible printer host. GPL-3.0-only.
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("0.2.0")
package org.klipper4j.core.api;
