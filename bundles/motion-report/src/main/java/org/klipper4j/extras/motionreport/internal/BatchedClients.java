/* klipper4j - a Klipper-compatible printer host. GPL-3.0-only. */
package org.klipper4j.extras.motionreport.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.DoubleFunction;

import org.klipper4j.core.api.Printer;
import org.klipper4j.core.api.reactor.Reactor;
import org.klipper4j.core.api.reactor.ReactorTimer;
import org.klipper4j.core.api.webhooks.ApiConnection;
import org.klipper4j.core.api.webhooks.WebRequest;
import org.klipper4j.core.api.webhooks.Webhooks;

/**
 * API clients subscribed to one dump endpoint (Klipper's BatchBulkHelper): while
 * any is connected, a timer collects a batch every half second and sends it to each
 * as {@code response_template} plus {@code "params": batch}.
 */
final class BatchedClients {
    static final double BATCH_INTERVAL = 0.500;

    private record Client(ApiConnection connection, Map<String, Object> template) {
    }

    private final Reactor reactor;
    private final DoubleFunction<Map<String, Object>> batchSource;
    private final List<Client> clients = new ArrayList<>();
    private ReactorTimer timer;

    BatchedClients(Printer printer, DoubleFunction<Map<String, Object>> batchSource) {
        this.reactor = printer.getReactor();
        this.batchSource = batchSource;
    }

    /** Registers {@code path} for {@code key=value}; a request subscribes and is answered {@code startResponse}. */
    static BatchedClients register(Printer printer, String path, String key, String value,
            Map<String, Object> startResponse, DoubleFunction<Map<String, Object>> batchSource) {
        BatchedClients batched = new BatchedClients(printer, batchSource);
        printer.findObject("webhooks", Webhooks.class).ifPresent(webhooks -> webhooks.registerMuxEndpoint(path, key,
                value, request -> batched.subscribe(request, startResponse)));
        return batched;
    }

    void subscribe(WebRequest request, Map<String, Object> startResponse) {
        clients.add(new Client(request.getConnection(), request.getDict("response_template", Map.of())));
        if (timer == null) {
            timer = reactor.registerTimer(this::sendBatch, reactor.monotonic() + BATCH_INTERVAL);
        }
        request.send(startResponse);
    }

    int clientCount() {
        return clients.size();
    }

    private double sendBatch(double eventtime) {
        Map<String, Object> batch = batchSource.apply(eventtime);
        if (batch.isEmpty()) {
            return eventtime + BATCH_INTERVAL;
        }
        clients.removeIf(c -> c.connection().isClosed());
        for (Client c : clients) {
            Map<String, Object> msg = new LinkedHashMap<>(c.template());
            msg.put("params", batch);
            c.connection().send(msg);
        }
        if (clients.isEmpty()) {
            // nobody listens any more: stop until the next subscription
            reactor.unregisterTimer(timer);
            timer = null;
            return Reactor.NEVER;
        }
        return eventtime + BATCH_INTERVAL;
    }
}
