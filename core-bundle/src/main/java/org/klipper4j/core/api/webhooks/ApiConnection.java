/* klipper4j - a Klipper-compatible printer host. GPL-3.0-only. */
package org.klipper4j.core.api.webhooks;

/** A client of the API socket, for pushing messages that are not replies. */
public interface ApiConnection {
    /** Sends a JSON-able message to the client; ignored once the client has gone. */
    void send(Object message);

    boolean isClosed();
}
