/* klipper4j - a Klipper-compatible printer host. GPL-3.0-only. */
package org.klipper4j.core.internal.webhooks;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.klipper4j.core.api.Printer;
import org.klipper4j.core.api.StatusProvider;
import org.klipper4j.core.api.reactor.Reactor;
import org.klipper4j.core.api.reactor.ReactorTimer;
import org.klipper4j.core.api.webhooks.ApiConnection;
import org.klipper4j.core.api.webhooks.WebRequest;
import org.klipper4j.core.api.webhooks.WebRequestError;

/**
 * {@code objects/list}, {@code objects/query} and {@code objects/subscribe}: status
 * of printer objects, and for subscribers the fields that changed, every 0.25 s.
 */
final class StatusSubscriptions {
    static final double REFRESH_TIME = 0.25;

    private final Printer printer;
    private final Map<ApiConnection, Subscriber> subscribers = new LinkedHashMap<>();
    private ReactorTimer timer;

    /** One client's subscription: the fields per object, and what it was last sent. */
    private record Subscriber(ApiConnection connection, Map<String, List<String>> fields,
            Map<String, Object> template, Map<String, Map<String, Object>> lastSent) {
    }

    StatusSubscriptions(Printer printer) {
        this.printer = printer;
    }

    void handleList(WebRequest request) {
        List<String> names = new ArrayList<>();
        for (Map.Entry<String, Object> entry : printer.lookupObjects(null)) {
            if (entry.getValue() instanceof StatusProvider) {
                names.add(entry.getKey());
            }
        }
        request.send(Map.of("objects", names));
    }

    void handleQuery(WebRequest request) {
        query(request, false);
    }

    void handleSubscribe(WebRequest request) {
        query(request, true);
    }

    private void query(WebRequest request, boolean subscribe) {
        Map<String, List<String>> wanted = parseObjects(request.getDict("objects", null));
        Map<String, Object> template = request.getDict("response_template", Map.of());
        Reactor reactor = printer.getReactor();
        double eventtime = reactor.monotonic();
        Map<String, Map<String, Object>> statusCache = new HashMap<>();
        Map<String, Map<String, Object>> result = new LinkedHashMap<>();
        for (Map.Entry<String, List<String>> entry : wanted.entrySet()) {
            Map<String, Object> status = statusOf(entry.getKey(), eventtime, statusCache);
            if (entry.getValue() == null) {
                // "all fields" means the fields the object has now, as in Klipper.
                entry.setValue(List.copyOf(status.keySet()));
            }
            Map<String, Object> fields = new LinkedHashMap<>();
            for (String field : entry.getValue()) {
                fields.put(field, status.get(field));
            }
            result.put(entry.getKey(), fields);
        }
        Map<String, Object> reply = new LinkedHashMap<>();
        reply.put("eventtime", eventtime);
        reply.put("status", result);
        request.send(reply);
        if (subscribe) {
            ApiConnection connection = request.getConnection();
            Map<String, Map<String, Object>> lastSent = new HashMap<>();
            result.forEach((name, fields) -> lastSent.put(name, new HashMap<>(fields)));
            subscribers.put(connection, new Subscriber(connection, wanted, template, lastSent));
            if (timer == null) {
                timer = reactor.registerTimer(this::pushChanges, eventtime + REFRESH_TIME);
            } else if (timer.waketime() >= Reactor.NEVER) {
                reactor.updateTimer(timer, eventtime + REFRESH_TIME);
            }
        }
    }

    /** Forgets all subscribers and stops the refresh timer. */
    void stop() {
        subscribers.clear();
        if (timer != null) {
            printer.getReactor().unregisterTimer(timer);
            timer = null;
        }
    }

    /** Sends each subscriber the fields whose values changed since it was last sent them. */
    private double pushChanges(double eventtime) {
        subscribers.values().removeIf(s -> s.connection().isClosed());
        if (subscribers.isEmpty()) {
            return Reactor.NEVER;
        }
        Map<String, Map<String, Object>> statusCache = new HashMap<>();
        for (Subscriber subscriber : List.copyOf(subscribers.values())) {
            Map<String, Object> changes = new LinkedHashMap<>();
            subscriber.fields().forEach((name, fields) -> {
                Map<String, Object> status = statusOf(name, eventtime, statusCache);
                Map<String, Object> last = subscriber.lastSent().computeIfAbsent(name, n -> new HashMap<>());
                Map<String, Object> changed = new LinkedHashMap<>();
                for (String field : fields) {
                    Object value = status.get(field);
                    if (!Objects.equals(value, last.get(field))) {
                        changed.put(field, value);
                        last.put(field, value);
                    }
                }
                if (!changed.isEmpty()) {
                    changes.put(name, changed);
                }
            });
            if (!changes.isEmpty()) {
                Map<String, Object> params = new LinkedHashMap<>();
                params.put("eventtime", eventtime);
                params.put("status", changes);
                Map<String, Object> message = new LinkedHashMap<>(subscriber.template());
                message.put("params", params);
                subscriber.connection().send(message);
            }
        }
        return eventtime + REFRESH_TIME;
    }

    /** The object's status, fetched once per round; empty for a missing object or one without status. */
    private Map<String, Object> statusOf(String name, double eventtime, Map<String, Map<String, Object>> cache) {
        return cache.computeIfAbsent(name, n -> {
            Object object = printer.findObject(n, Object.class).orElse(null);
            if (object instanceof StatusProvider provider) {
                Map<String, Object> status = provider.getStatus(eventtime);
                return status == null ? Map.of() : status;
            }
            return Map.of();
        });
    }

    /** Checks {@code {"name": null | ["field", ...]}}; returns a mutable copy. */
    private static Map<String, List<String>> parseObjects(Map<String, Object> objects) {
        Map<String, List<String>> wanted = new LinkedHashMap<>();
        for (Map.Entry<String, Object> entry : objects.entrySet()) {
            Object fields = entry.getValue();
            if (fields == null) {
                wanted.put(entry.getKey(), null);
                continue;
            }
            if (!(fields instanceof List<?> list)) {
                throw new WebRequestError("Invalid argument");
            }
            List<String> names = new ArrayList<>();
            for (Object field : list) {
                if (!(field instanceof String name)) {
                    throw new WebRequestError("Invalid argument");
                }
                names.add(name);
            }
            wanted.put(entry.getKey(), names);
        }
        return wanted;
    }
}
