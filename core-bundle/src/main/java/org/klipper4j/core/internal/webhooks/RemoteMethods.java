/* klipper4j - a Klipper-compatible printer host. GPL-3.0-only. */
package org.klipper4j.core.internal.webhooks;

import java.util.LinkedHashMap;
import java.util.Map;

import org.klipper4j.core.api.gcode.CommandError;
import org.klipper4j.core.api.webhooks.ApiConnection;
import org.klipper4j.core.api.webhooks.WebRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Methods that API clients offer to the printer ({@code register_remote_method}) and calls to them. */
final class RemoteMethods {
    private static final Logger LOG = LoggerFactory.getLogger(RemoteMethods.class);

    private final Map<String, Map<ApiConnection, Map<String, Object>>> methods = new LinkedHashMap<>();

    void handleRegistration(WebRequest request) {
        Map<String, Object> template = request.getDict("response_template", null);
        String method = request.getString("remote_method");
        LOG.info("webhooks: registering remote method '{}'", method);
        methods.computeIfAbsent(method, m -> new LinkedHashMap<>()).put(request.getConnection(), template);
    }

    /** Sends {@code {"params": params}} merged into each registering client's template. */
    void call(String method, Map<String, Object> params) {
        Map<ApiConnection, Map<String, Object>> clients = methods.get(method);
        if (clients == null) {
            throw new CommandError("Remote method '" + method + "' not registered");
        }
        clients.keySet().removeIf(ApiConnection::isClosed);
        if (clients.isEmpty()) {
            methods.remove(method);
            throw new CommandError("No active connections for method '" + method + "'");
        }
        clients.forEach((connection, template) -> {
            // Here the template wins over "params", unlike subscriptions (as Klipper does).
            Map<String, Object> message = new LinkedHashMap<>();
            message.put("params", params);
            message.putAll(template);
            connection.send(message);
        });
    }
}
