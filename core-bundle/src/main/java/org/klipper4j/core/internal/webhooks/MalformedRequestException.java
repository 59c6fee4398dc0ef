/* klipper4j - a Klipper-compatible printer host. GPL-3.0-only. */
package org.klipper4j.core.internal.webhooks;

/** A message that is not a usable request; carries the request id when one could be read. */
final class MalformedRequestException extends Exception {
    private static final long serialVersionUID = 1L;

    private final transient Object requestId;

    MalformedRequestException(Object requestId, String message) {
        super(message);
        this.requestId = requestId;
    }

    Object requestId() {
        return requestId;
    }
}
