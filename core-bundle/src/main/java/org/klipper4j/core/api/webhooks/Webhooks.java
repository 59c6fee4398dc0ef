/* klipper4j - a Klipper-compatible printer host. GPL-3.0-only. */
package org.klipper4j.core.api.webhooks;

/** The API server's endpoint registry; registered in the printer as {@code "webhooks"}. */
public interface Webhooks {
    /** Registers {@code path} (e.g. {@code "gcode/script"}); throws if taken. */
    void registerEndpoint(String path, EndpointHandler handler);

    /** Registers a path multiplexed on a parameter (as {@code register_mux_endpoint}). */
    void registerMuxEndpoint(String path, String key, String value, EndpointHandler handler);

    void unregisterEndpoint(String path);
}
