/* klipper4j - a Klipper-compatible printer host. GPL-3.0-only. */
/** Launcher implementation: options, logging setup, the embedded Felix framework. */
package org.klipper4j.launcher.internal;
