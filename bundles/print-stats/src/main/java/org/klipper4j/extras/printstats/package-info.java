/* klipper4j - a Klipper-compatible printer host. GPL-3.0-only. */
package org.klipper4j.extras.printstats;
