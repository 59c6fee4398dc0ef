/* klipper4j - a Klipper-compatible printer host. GPL-3.0-only. */
package org.klipper4j.core.api.webhooks;

/** An API request error; sent back as {@code {"error": {"error": "WebRequestError", "message": ...}}}. */
public class WebRequestError extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public WebRequestError(String message) {
        super(message);
    }
}
