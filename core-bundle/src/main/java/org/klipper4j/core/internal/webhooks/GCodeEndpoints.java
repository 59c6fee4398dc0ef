/* klipper4j - a Klipper-compatible printer host. GPL-3.0-only. */
package org.klipper4j.core.internal.webhooks;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import org.klipper4j.core.api.Printer;
import org.klipper4j.core.api.gcode.GCodeDispatch;
import org.klipper4j.core.api.webhooks.ApiConnection;
import org.klipper4j.core.api.webhooks.WebRequest;
import org.klipper4j.core.api.webhooks.WebRequestError;

/**
 * The {@code gcode/...} endpoints. The {@code gcode} object is looked up per
 * request, so the server can start before the G-code dispatcher exists.
 */
final class GCodeEndpoints {
    private final Printer printer;
    private final Map<ApiConnection, Map<String, Object>> outputSubscribers = new LinkedHashMap<>();
    private final Consumer<String> outputHandler = this::pushOutput;
    private GCodeDispatch subscribedTo;

    GCodeEndpoints(Printer printer) {
        this.printer = printer;
    }

    private GCodeDispatch gcode() {
        return printer.findObject("gcode", GCodeDispatch.class)
                .orElseThrow(() -> new WebRequestError("G-Code processing is not available yet"));
    }

    void handleHelp(WebRequest request) {
        request.send(gcode().getCommandHelp());
    }

    void handleScript(WebRequest request) {
        gcode().runScript(request.getString("script"));
    }

    void handleRestart(WebRequest request) {
        gcode().runScript("restart");
    }

    void handleFirmwareRestart(WebRequest request) {
        gcode().runScript("firmware_restart");
    }

    void handleSubscribeOutput(WebRequest request) {
        Map<String, Object> template = request.getDict("response_template", Map.of());
        GCodeDispatch gcode = gcode();
        outputSubscribers.put(request.getConnection(), template);
        if (subscribedTo != gcode) {
            gcode.registerOutputHandler(outputHandler);
            subscribedTo = gcode;
        }
    }

    /** Sends {@code {"params": {"response": line}}} merged into each subscriber's template. */
    private void pushOutput(String line) {
        outputSubscribers.keySet().removeIf(ApiConnection::isClosed);
        for (Map.Entry<ApiConnection, Map<String, Object>> entry : List.copyOf(outputSubscribers.entrySet())) {
            Map<String, Object> message = new LinkedHashMap<>(entry.getValue());
            message.put("params", Map.of("response", line));
            entry.getKey().send(message);
        }
    }

    void stop() {
        if (subscribedTo != null) {
            subscribedTo.unregisterOutputHandler(outputHandler);
            subscribedTo = null;
        }
        outputSubscribers.clear();
    }
}
