/* klipper4j - a Klipper-compatible printer host. GPL-3.0-only. */
/** Excluding objects of a print ({@code [exclude_object]}). Private. */
package org.klipper4j.extras.excludeobject.internal;
