/* klipper4j - a Klipper-compatible printer host. GPL-3.0-only. */
package org.klipper4j.extras.inputshaper.internal;

/** A shaper type or parameter that makes no valid shaper; the message is for the user. */
public final class ShaperException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    public ShaperException(String message) {
        super(message);
    }
}
