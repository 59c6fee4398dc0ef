/* klipper4j - a Klipper-compatible printer host. GPL-3.0-only. */
package org.klipper4j.core.api.gcode;

/** An error in a G-code command; answered to the user as {@code !! message}, the host keeps running. */
public class CommandError extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public CommandError(String message) {
        super(message);
    }

    public CommandError(String message, Throwable cause) {
        super(message, cause);
    }
}
