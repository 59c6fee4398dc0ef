/* klipper4j - a Klipper-compatible printer host. GPL-3.0-only. */
/** Core implementation; private to the core bundle. */
package org.klipper4j.core.internal;
