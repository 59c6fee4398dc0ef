/* klipper4j - a Klipper-compatible printer host. GPL-3.0-only. */
package org.klipper4j.core.internal.webhooks;

import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

import org.klipper4j.core.api.Printer;
import org.klipper4j.core.api.StatusProvider;
import org.klipper4j.core.api.reactor.Reactor;
import org.klipper4j.core.api.webhooks.EndpointHandler;
import org.klipper4j.core.api.webhooks.WebRequest;
import org.klipper4j.core.api.webhooks.Webhooks;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Klipper's API server ({@code -a /tmp/klippy_uds}): the endpoint registry, the
 * built-in endpoints and the Unix socket. Registered in the printer as
 * {@code "webhooks"}; its status is the printer's state and state message.
 * Requests are read on an I/O thread and handled on the reactor.
 */
public final class WebhooksServer implements Webhooks, StatusProvider {
    private static final Logger LOG = LoggerFactory.getLogger(WebhooksServer.class);
    /** Unsent bytes a client may have queued before it is dropped as unresponsive. */
    public static final long DEFAULT_MAX_PENDING_BYTES = 8L << 20;

    private final Printer printer;
    private final long maxPendingBytes;
    private final EndpointRegistry endpoints = new EndpointRegistry();
    private final RemoteMethods remoteMethods = new RemoteMethods();
    private final StatusSubscriptions statusSubscriptions;
    private final GCodeEndpoints gcodeEndpoints;
    private final RequestDispatcher dispatcher;
    private SocketListener listener;

    public WebhooksServer(Printer printer) {
        this(printer, DEFAULT_MAX_PENDING_BYTES);
    }

    /** As {@link #WebhooksServer(Printer)} with another limit of unsent bytes per client. */
    public WebhooksServer(Printer printer, long maxPendingBytesPerClient) {
        this.printer = printer;
        this.maxPendingBytes = maxPendingBytesPerClient;
        this.statusSubscriptions = new StatusSubscriptions(printer);
        this.gcodeEndpoints = new GCodeEndpoints(printer);
        this.dispatcher = new RequestDispatcher(printer, endpoints);
        registerBuiltInEndpoints();
    }

    private void registerBuiltInEndpoints() {
        endpoints.register("list_endpoints", r -> r.send(Map.of("endpoints", endpoints.paths())));
        endpoints.register("info", this::handleInfo);
        endpoints.register("emergency_stop", r -> printer.invokeShutdown("Shutdown due to webhooks request"));
        endpoints.register("register_remote_method", remoteMethods::handleRegistration);
        endpoints.register("objects/list", statusSubscriptions::handleList);
        endpoints.register("objects/query", statusSubscriptions::handleQuery);
        endpoints.register("objects/subscribe", statusSubscriptions::handleSubscribe);
        endpoints.register("gcode/help", gcodeEndpoints::handleHelp);
        endpoints.register("gcode/script", gcodeEndpoints::handleScript);
        endpoints.register("gcode/restart", gcodeEndpoints::handleRestart);
        endpoints.register("gcode/firmware_restart", gcodeEndpoints::handleFirmwareRestart);
        endpoints.register("gcode/subscribe_output", gcodeEndpoints::handleSubscribeOutput);
        endpoints.register("printer/restart", r -> printer.requestExit("restart"));
        endpoints.register("printer/firmware_restart", r -> printer.requestExit("firmware_restart"));
    }

    private void handleInfo(WebRequest request) {
        Map<String, Object> clientInfo = request.getDict("client_info", Map.of());
        if (!clientInfo.isEmpty()) {
            LOG.info("webhooks client: Client info {}", clientInfo);
        }
        request.send(HostInfo.describe(printer));
    }

    /** Opens the socket at {@code socketPath} (replacing a stale one), readable by the owner only. */
    public synchronized void start(Path socketPath) throws IOException {
        if (listener != null) {
            throw new IllegalStateException("API server already started");
        }
        // Taken here, on the reactor thread: the I/O thread only hands work over.
        Reactor reactor = printer.getReactor();
        SocketListener started = new SocketListener(socketPath, maxPendingBytes,
                (client, message) -> reactor.registerAsyncCallback(eventtime -> dispatcher.dispatch(client, message)),
                client -> reactor.registerAsyncCallback(eventtime -> client.closeWhenDrained()));
        started.start();
        listener = started;
    }

    /** Closes every client and the socket and removes the socket file. Call on the reactor thread. */
    public synchronized void stop() {
        if (listener != null) {
            listener.stop();
            listener = null;
        }
        statusSubscriptions.stop();
        gcodeEndpoints.stop();
    }

    @Override
    public void registerEndpoint(String path, EndpointHandler handler) {
        endpoints.register(path, handler);
    }

    @Override
    public void registerMuxEndpoint(String path, String key, String value, EndpointHandler handler) {
        endpoints.registerMux(path, key, value, handler);
    }

    @Override
    public void unregisterEndpoint(String path) {
        endpoints.unregister(path);
    }

    /**
     * Calls a method an API client registered with {@code register_remote_method}
     * (Klipper's {@code call_remote_method}); on the reactor thread.
     *
     * @throws org.klipper4j.core.api.gcode.CommandError if no connected client offers it
     */
    public void callRemoteMethod(String method, Map<String, Object> params) {
        remoteMethods.call(method, new LinkedHashMap<>(params));
    }

    @Override
    public Map<String, Object> getStatus(double eventtime) {
        Map<String, Object> status = new LinkedHashMap<>();
        status.put("state", printer.getState().wireName());
        status.put("state_message", printer.getStateMessage());
        return status;
    }
}
