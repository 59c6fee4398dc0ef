/* klipper4j - a Klipper-compatible printer host. GPL-3.0-only. */
package org.klipper4j.core.internal.gcode;

import java.util.AbstractMap;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.klipper4j.core.api.ConfigException;
import org.klipper4j.core.api.ConfigSection;
import org.klipper4j.core.api.EventHandler;
import org.klipper4j.core.api.Printer;
import org.klipper4j.core.api.PrinterEvents;
import org.klipper4j.core.api.PrinterState;
import org.klipper4j.core.api.StartArgs;
import org.klipper4j.core.api.reactor.Reactor;
import org.klipper4j.core.internal.reactor.ThreadedReactor;

/** A printer with a real simulated-clock reactor, an object map and event dispatch; records exits and shutdowns. */
class FakePrinter implements Printer {
    final ThreadedReactor reactor = new ThreadedReactor(true);
    final Map<String, Object> objects = new LinkedHashMap<>();
    final Map<String, List<EventHandler>> handlers = new LinkedHashMap<>();
    final List<String> exits = new ArrayList<>();
    final List<String> shutdowns = new ArrayList<>();
    final List<String> events = new ArrayList<>();
    PrinterState state = PrinterState.STARTUP;
    String stateMessage = "Printer is not ready";

    @Override
    public Reactor getReactor() {
        return reactor;
    }

    @Override
    public StartArgs getStartArgs() {
        return null;
    }

    @Override
    public void addObject(String name, Object object) {
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
        objects.forEach((k, v) -> out.add(new AbstractMap.SimpleEntry<>(k, v)));
        return out;
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
        events.add(event);
        for (EventHandler h : handlers.getOrDefault(event, List.of())) {
            try {
                h.handle(args);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }
    }

    /** Moves to ready and sends klippy:ready, as the host does. */
    void becomeReady() {
        state = PrinterState.READY;
        stateMessage = "Printer is ready";
        sendEvent(PrinterEvents.READY);
    }

    @Override
    public PrinterState getState() {
        return state;
    }

    @Override
    public String getStateMessage() {
        return stateMessage;
    }

    @Override
    public boolean isShutdown() {
        return state == PrinterState.SHUTDOWN;
    }

    @Override
    public void invokeShutdown(String message) {
        shutdowns.add(message);
        if (state == PrinterState.SHUTDOWN) {
            return;
        }
        state = PrinterState.SHUTDOWN;
        stateMessage = message;
        sendEvent(PrinterEvents.SHUTDOWN);
    }

    @Override
    public void invokeAsyncShutdown(String message) {
        reactor.registerAsyncCallback(e -> invokeShutdown(message));
    }

    @Override
    public void requestExit(String result) {
        exits.add(result);
        reactor.end();
    }

    /** Runs {@code body} on the reactor, then ends the loop; rethrows what the body threw. */
    void runOnReactor(ReactorBody body) {
        Throwable[] failure = new Throwable[1];
        reactor.registerCallback(e -> {
            try {
                body.run();
            } catch (Throwable t) {
                failure[0] = t;
            }
            reactor.end();
        }, Reactor.NOW);
        reactor.run();
        if (failure[0] instanceof RuntimeException re) {
            throw re;
        }
        if (failure[0] instanceof Error err) {
            throw err;
        }
        if (failure[0] != null) {
            throw new IllegalStateException(failure[0]);
        }
    }

    @FunctionalInterface
    interface ReactorBody {
        void run() throws Exception;
    }
}
