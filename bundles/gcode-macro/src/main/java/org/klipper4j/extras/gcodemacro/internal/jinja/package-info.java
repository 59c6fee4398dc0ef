/* klipper4j - a Klipper-compatible printer host. GPL-3.0-only. */
/** Jinjava configured to run Klipper's Jinja2 templates unchanged. Private. */
package org.klipper4j.extras.gcodemacro.internal.jinja;
