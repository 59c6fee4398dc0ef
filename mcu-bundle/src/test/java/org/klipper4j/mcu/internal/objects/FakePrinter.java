/* klipper4j - a Klipper-compatible printer host. GPL-3.0-only. */
package org.klipper4j.mcu.internal.objects;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.klipper4j.core.api.ConfigException;
import org.klipper4j.core.api.ConfigSection;
import org.klipper4j.core.api.EventHandler;
import org.klipper4j.core.api.Printer;
import org.klipper4j.core.api.PrinterState;
import org.klipper4j.core.api.StartArgs;
import org.klipper4j.core.api.reactor.Reactor;

/** A printer with an object registry, events and a {@link FakeReactor}; nothing else. */
final class FakePrinter implements Printer {
    final FakeReactor reactor = new FakeReactor();
    private final Map<String, Object> objects = new LinkedHashMap<>();
    private final Map<String, List<EventHandler>> handlers = new LinkedHashMap<>();

    @Override
    public Reactor getReactor() {
        return reactor;
    }

    @Override
    public StartArgs getStartArgs() {
        throw new UnsupportedOperationException();
    }

    @Override
    public void addObject(String name, Object object) {
        if (objects.putIfAbsent(name, object) != null) {
            throw new IllegalStateException("Printer object '" + name + "' already created");
        }
    }

    @Override
    public Object lookupObject(String name) {
        Object object = objects.get(name);
        if (object == null) {
            throw new ConfigException("Unknown config object '" + name + "'");
        }
        return object;
    }

    @Override
    public <T> T lookupObject(String name, Class<T> type) {
        return type.cast(lookupObject(name));
    }

    @Override
    public <T> Optional<T> findObject(String name, Class<T> type) {
        return Optional.ofNullable(objects.get(name)).filter(type::isInstance).map(type::cast);
    }

    @Override
    public List<Map.Entry<String, Object>> lookupObjects(String module) {
        throw new UnsupportedOperationException();
    }

    @Override
    public Object loadObject(ConfigSection config, String section) {
        throw new UnsupportedOperationException();
    }

    @Override
    public void registerEventHandler(String event, EventHandler handler) {
        handlers.computeIfAbsent(event, k -> new ArrayList<>()).add(handler);
    }

    @Override
    public void sendEvent(String event, Object... args) {
        for (EventHandler handler : handlers.getOrDefault(event, List.of())) {
            try {
                handler.handle(args);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }
    }

    @Override
    public PrinterState getState() {
        throw new UnsupportedOperationException();
    }

    @Override
    public String getStateMessage() {
        return "";
    }

    @Override
    public boolean isShutdown() {
        return false;
    }

    @Override
    public void invokeShutdown(String message) {
        throw new UnsupportedOperationException();
    }

    @Override
    public void invokeAsyncShutdown(String message) {
        throw new UnsupportedOperationException();
    }

    @Override
    public void requestExit(String result) {
        throw new UnsupportedOperationException();
    }
}
