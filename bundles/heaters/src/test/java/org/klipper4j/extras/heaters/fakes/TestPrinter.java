/* klipper4j - a Klipper-compatible printer host. GPL-3.0-only. */
package org.klipper4j.extras.heaters.fakes;

import java.nio.file.Path;
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
import org.klipper4j.core.api.PrinterModule;
import org.klipper4j.core.api.PrinterState;
import org.klipper4j.core.api.StartArgs;
import org.klipper4j.core.api.reactor.Reactor;

/** A printer object registry with modules by section name, as the host has; records the shutdown reason. */
public final class TestPrinter implements Printer {
    private final SimReactor reactor = new SimReactor();
    private final Map<String, Object> objects = new LinkedHashMap<>();
    private final Map<String, List<EventHandler>> handlers = new LinkedHashMap<>();
    private final Map<String, PrinterModule> modules = new LinkedHashMap<>();
    private final StartArgs startArgs;
    private String shutdownMessage;

    public TestPrinter(boolean batch) {
        startArgs = new StartArgs(Path.of("printer.cfg"), Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.empty(), batch ? Optional.of(Path.of("out.serial")) : Optional.empty(), Map.of(), false,
                false);
    }

    public SimReactor reactor() {
        return reactor;
    }

    /** Serves sections named {@code section} (and {@code section NAME}). */
    public void addModule(String section, PrinterModule module) {
        modules.put(section, module);
    }

    /** The reason given to the last shutdown, or null. */
    public String shutdownMessage() {
        return shutdownMessage;
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
        objects.forEach((k, v) -> {
            if (module == null || k.equals(module) || k.startsWith(module + " ")) {
                out.add(Map.entry(k, v));
            }
        });
        return out;
    }

    @Override
    public Object loadObject(ConfigSection config, String section) {
        if (objects.containsKey(section)) {
            return objects.get(section);
        }
        PrinterModule module = modules.get(section.split(" ")[0]);
        if (module == null) {
            throw new ConfigException("Unable to load module '" + section + "'");
        }
        Object o = module.load(config.getSection(section));
        if (o != null && !objects.containsKey(section)) {
            objects.put(section, o);
        }
        return objects.get(section);
    }

    @Override
    public void registerEventHandler(String event, EventHandler handler) {
        handlers.computeIfAbsent(event, k -> new ArrayList<>()).add(handler);
    }

    @Override
    public void sendEvent(String event, Object... args) {
        for (EventHandler h : List.copyOf(handlers.getOrDefault(event, List.of()))) {
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
        return shutdownMessage != null ? PrinterState.SHUTDOWN : PrinterState.READY;
    }

    @Override
    public String getStateMessage() {
        return shutdownMessage != null ? shutdownMessage : "Printer is ready";
    }

    @Override
    public boolean isShutdown() {
        return shutdownMessage != null;
    }

    @Override
    public void invokeShutdown(String message) {
        if (shutdownMessage != null) {
            return;
        }
        shutdownMessage = message;
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
