/* klipper4j - a Klipper-compatible printer host. GPL-3.0-only. */
package org.klipper4j.core.internal.webhooks;

import java.nio.file.Path;
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
import org.klipper4j.core.api.PrinterState;
import org.klipper4j.core.api.StartArgs;
import org.klipper4j.core.api.reactor.Reactor;

/** A printer object registry for tests that records shutdowns and exit requests. */
public final class FakePrinter implements Printer {
    public final List<String> shutdowns = new ArrayList<>();
    public final List<String> exitRequests = new ArrayList<>();
    private final Reactor reactor;
    private final StartArgs startArgs;
    private final Map<String, Object> objects = new LinkedHashMap<>();
    private PrinterState state = PrinterState.READY;
    private String stateMessage = "Printer is ready";

    public FakePrinter(Reactor reactor) {
        this.reactor = reactor;
        this.startArgs = new StartArgs(Path.of("/home/pi/printer.cfg"), Optional.of(Path.of("/tmp/klippy.log")),
                Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Map.of(), false, false);
    }

    @Override
    public Reactor getReactor() {
        return reactor;
    }

    @Override
    public StartArgs getStartArgs() {
        return startArgs;
    }

    @Override
    public void addObject(String name, Object object) {
        if (objects.putIfAbsent(name, object) != null) {
            throw new ConfigException("Printer object '" + name + "' already created");
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
        List<Map.Entry<String, Object>> found = new ArrayList<>();
        objects.forEach((name, object) -> {
            if (module == null || name.equals(module) || name.startsWith(module + " ")) {
                found.add(new AbstractMap.SimpleImmutableEntry<>(name, object));
            }
        });
        return found;
    }

    @Override
    public Object loadObject(ConfigSection config, String section) {
        throw new UnsupportedOperationException();
    }

    @Override
    public void registerEventHandler(String event, EventHandler handler) {
    }

    @Override
    public void sendEvent(String event, Object... args) {
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
        state = PrinterState.SHUTDOWN;
        stateMessage = message;
    }

    @Override
    public void invokeAsyncShutdown(String message) {
        reactor.registerAsyncCallback(e -> invokeShutdown(message));
    }

    @Override
    public void requestExit(String result) {
        exitRequests.add(result);
    }
}
