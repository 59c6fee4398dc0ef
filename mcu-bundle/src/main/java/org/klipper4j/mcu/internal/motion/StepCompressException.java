/* klipper4j - a Klipper-compatible printer host. GPL-3.0-only. */
package org.klipper4j.mcu.internal.motion;

/** The compressor could not cover a step sequence: an internal error that shuts the printer down. */
public final class StepCompressException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public StepCompressException(String message) {
        super(message);
    }
}
