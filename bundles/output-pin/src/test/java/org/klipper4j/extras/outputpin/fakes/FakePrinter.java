/* klipper4j - a Klipper-compatible printer host. GPL-3.0-only. */
package org.klipper4j.extras.outputpin.fakes;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

import org.klipper4j.core.api.ConfigException;
import org.klipper4j.core.api.ConfigSection;
import org.klipper4j.core.api.EventHandler;
import org.klipper4j.core.api.Printer;
import org.klipper4j.core.api.PrinterEvents;
import org.klipper4j.core.api.PrinterState;
import org.klipper4j.core.api.StartArgs;
import org.klipper4j.core.api.reactor.Reactor;

/** A printer object registry with recorded events and loaders for {@code loadObject}. */
public final class FakePrinter implements Printer {

    private final FakeReactor reactor = new FakeReactor();
    private final Map<String, Object> objects = new LinkedHashMap<>();
    private final Map<String, List<EventHandler>> handlers = new LinkedHashMap<>();
    private final Map<String, Function<ConfigSection, Object>> loaders = new LinkedHashMap<>();
    /** Every event sent, in order. */
    public final List<String> events = new ArrayList<>();
    private boolean shutdown;
    private String stateMessage = "Printer is ready";

    public FakeReactor reactor() {
        return reactor;
    }

    /** What {@link #loadObject} builds when {@code section} is not loaded yet. */
    public void addLoader(String section, Function<ConfigSection, Object> loader) {
        loaders.put(section, loader);
    }

    @Override
    public Reactor getReactor() {
        return reactor;
    }

    @Override
    public StartArgs getStartArgs() {
        throw new UnsupportedOperationException("no start args in unit tests");
    }

    @Override
    public void addObject(String name, Object object) {
        if (objects.containsKey(name)) {
            throw new ConfigException("Printer object '" + name + "' already created");
        }
        objects.put(name, object);
    }

    @Override
    public Object lookupObject(String name) {
        Object o = objects.get(name);
        if (o == null) {
            throw new ConfigException("Unknown config object '" + name + "'");
        }
        return o;
    }

    @Override
    public <T> T lookupObject(String name, Class<T> type) {
        return type.cast(lookupObject(name));
    }

    @Override
    public <T> Optional<T> findObject(String name, Class<T> type) {
        Object o = objects.get(name);
        return type.isInstance(o) ? Optional.of(type.cast(o)) : Optional.empty();
    }

    @Override
    public List<Map.Entry<String, Object>> lookupObjects(String module) {
        List<Map.Entry<String, Object>> out = new ArrayList<>();
        for (Map.Entry<String, Object> e : objects.entrySet()) {
            if (module == null || e.getKey().equals(module) || e.getKey().startsWith(module + " ")) {
                out.add(Map.entry(e.getKey(), e.getValue()));
            }
        }
        return out;
    }

    @Override
    public Object loadObject(ConfigSection config, String section) {
        Object o = objects.get(section);
        if (o != null) {
            return o;
        }
        Function<ConfigSection, Object> loader = loaders.get(section);
        if (loader == null) {
            throw new ConfigException("Unable to load module '" + section + "'");
        }
        o = loader.apply(config);
        objects.put(section, o);
        return o;
    }

    @Override
    public void registerEventHandler(String event, EventHandler handler) {
        handlers.computeIfAbsent(event, k -> new ArrayList<>()).add(handler);
    }

    @Override
    public void sendEvent(String event, Object... args) {
        events.add(event);
        for (EventHandler h : handlers.getOrDefault(event, List.of())) {
            try {
                h.handle(args);
            } catch (RuntimeException e) {
                throw e;
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }
    }

    @Override
    public PrinterState getState() {
        return shutdown ? PrinterState.SHUTDOWN : PrinterState.READY;
    }

    @Override
    public String getStateMessage() {
        return stateMessage;
    }

    @Override
    public boolean isShutdown() {
        return shutdown;
    }

    @Override
    public void invokeShutdown(String message) {
        if (shutdown) {
            return;
        }
        shutdown = true;
        stateMessage = message;
        sendEvent(PrinterEvents.SHUTDOWN);
    }

    @Override
    public void invokeAsyncShutdown(String message) {
        invokeShutdown(message);
    }

    @Override
    public void requestExit(String result) {
    }
}
