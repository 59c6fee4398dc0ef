/* klipper4j - a Klipper-compatible printer host. GPL-3.0-only. */
package org.klipper4j.extras.virtualmcu.internal;

/** Unwinds the current command or timer when the firmware shuts down (the firmware's longjmp). */
final class ShutdownException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final String reason;

    ShutdownException(String reason) {
        super(reason, null, false, false);
        this.reason = reason;
    }

    String reason() {
        return reason;
    }
}
