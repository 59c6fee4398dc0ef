/* klipper4j - a Klipper-compatible printer host. GPL-3.0-only. */
package org.klipper4j.core.internal.webhooks;

import java.nio.charset.StandardCharsets;

import org.klipper4j.core.api.Printer;
import org.klipper4j.core.api.gcode.CommandError;
import org.klipper4j.core.api.webhooks.ApiConnection;
import org.klipper4j.core.api.webhooks.WebRequestError;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Runs one received message on the reactor: decode, find the endpoint, call it, reply. */
final class RequestDispatcher {
    private static final Logger LOG = LoggerFactory.getLogger(RequestDispatcher.class);

    private final Printer printer;
    private final EndpointRegistry endpoints;

    RequestDispatcher(Printer printer, EndpointRegistry endpoints) {
        this.printer = printer;
        this.endpoints = endpoints;
    }

    void dispatch(ApiConnection connection, byte[] message) {
        String text = new String(message, StandardCharsets.UTF_8);
        JsonWebRequest request;
        try {
            request = JsonWebRequest.parse(connection, text);
        } catch (MalformedRequestException e) {
            LOG.info("webhooks: Error decoding Server Request {}", abbreviate(text));
            connection.send(JsonWebRequest.errorReply(e.requestId(), e.getMessage()));
            return;
        }
        try {
            endpoints.lookup(request.getMethod()).handle(request);
        } catch (WebRequestError | CommandError e) {
            request.setError(e.getMessage());
        } catch (Exception e) {
            // As Klipper: a handler that fails unexpectedly is a host bug, so stop the printer safely.
            String msg = "Internal Error on WebRequest: " + request.getMethod();
            LOG.error(msg, e);
            request.setError(String.valueOf(e.getMessage()));
            printer.invokeShutdown(msg);
        }
        request.reply().ifPresent(connection::send);
    }

    private static String abbreviate(String text) {
        return text.length() > 200 ? text.substring(0, 200) + "..." : text;
    }
}
