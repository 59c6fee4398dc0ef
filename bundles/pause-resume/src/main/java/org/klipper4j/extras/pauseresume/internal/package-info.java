/* klipper4j - a Klipper-compatible printer host. GPL-3.0-only. */
/** The {@code [pause_resume]} section: PAUSE, RESUME, CLEAR_PAUSE, CANCEL_PRINT. Private. */
package org.klipper4j.extras.pauseresume.internal;
