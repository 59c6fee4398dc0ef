/* klipper4j - a Klipper-compatible printer host. GPL-3.0-only. */
package org.klipper4j.core.api.webhooks;

/** Handles one API endpoint. Throw {@link WebRequestError} for a bad request. */
@FunctionalInterface
public interface EndpointHandler {
    void handle(WebRequest request) throws Exception;
}
