/* klipper4j - a Klipper-compatible printer host. GPL-3.0-only. */
package org.klipper4j.testkit;

import java.nio.file.Path;
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
import org.klipper4j.core.api.PrinterModule;
import org.klipper4j.core.api.PrinterState;
import org.klipper4j.core.api.StartArgs;
import org.klipper4j.core.api.reactor.Reactor;

/**
 * A printer object registry with recorded events, loaders or modules for
 * {@code loadObject}, and the shutdown reason kept for tests. Not final: a test
 * printer may bring its own reactor or fail on shutdown.
 */
public class FakePrinter implements Printer {

    private final FakeReactor reactor = new FakeReactor();
    private final Map<String, Object> objects = new LinkedHashMap<>();
    private final Map<String, List<EventHandler>> handlers = new LinkedHashMap<>();
    private final Map<String, Function<ConfigSection, Object>> loaders = new LinkedHashMap<>();
    /** Every event sent, in order. */
    public final List<String> events = new ArrayList<>();
    private final Map<String, PrinterModule> modules = new LinkedHashMap<>();
    private StartArgs startArgs;
    private String shutdownMessage;

    /** A printer without start arguments: {@link #getStartArgs} fails, as no unit test should need them. */
    public FakePrinter() {
    }

    /** A printer started with printer.cfg, in batch mode (output to a file) or not. */
    public FakePrinter(boolean batch) {
        this(new StartArgs(Path.of("printer.cfg"), Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.empty(), batch ? Optional.of(Path.of("out.serial")) : Optional.empty(), Map.of(), false,
                false));
    }

    /** A printer started with {@code startArgs}. */
    public FakePrinter(StartArgs startArgs) {
        this.startArgs = startArgs;
    }

    public FakeReactor reactor() {
        return reactor;
    }

    /** Serves sections named {@code section} and {@code section NAME} in {@link #loadObject}. */
    public void addModule(String section, PrinterModule module) {
        modules.put(section, module);
    }

    /** The reason given to the first shutdown, or null while there was none. */
    public String shutdownMessage() {
        return shutdownMessage;
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
        if (startArgs == null) {
            throw new UnsupportedOperationException("no start args in unit tests");
        }
        return startArgs;
    }

    @Override
    public void addObject(String name, Object object) {
        if (objects.containsKey(name)) {
            throw new ConfigException("Printer object '" + name + "' already created");
        }
        objects.put(name, object);
    }

    /** Puts {@code object} in place of the object named {@code name}, or adds it. */
    public void replaceObject(String name, Object object) {
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

    /** As Klipper's load_object: the object if loaded, else built from {@code config.getSection(section)}. */
    @Override
    public Object loadObject(ConfigSection config, String section) {
        Object o = objects.get(section);
        if (o != null) {
            return o;
        }
        Function<ConfigSection, Object> loader = loaders.get(section);
        PrinterModule module = modules.get(section.split(" ")[0]);
        if (loader == null && module == null) {
            throw new ConfigException("Unable to load module '" + section + "'");
        }
        ConfigSection sectionConfig = config.getSection(section);
        o = loader != null ? loader.apply(sectionConfig) : module.load(sectionConfig);
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
        events.add(event);
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
