/* klipper4j - a Klipper-compatible printer host. GPL-3.0-only. */
package org.klipper4j.core.internal.host;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

import org.klipper4j.core.api.ConfigException;
import org.klipper4j.core.api.ConfigSection;
import org.klipper4j.core.api.EventHandler;
import org.klipper4j.core.api.Printer;
import org.klipper4j.core.api.PrinterEvents;
import org.klipper4j.core.api.PrinterModule;
import org.klipper4j.core.api.PrinterState;
import org.klipper4j.core.api.StartArgs;
import org.klipper4j.core.api.reactor.Reactor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One printer: the object registry, events and state, as Klipper's Printer. A
 * RESTART throws the whole instance away and builds a new one, so no object
 * outlives the config and modules it was built from.
 */
public final class PrinterImpl implements Printer {
    private static final Logger LOG = LoggerFactory.getLogger(PrinterImpl.class);

    private final Reactor reactor;
    private final StartArgs startArgs;
    private final ModuleRegistry.Snapshot modules;
    private final Map<String, PrinterModule> internalModules;
    private final Consumer<String> exitRequests;
    private final Map<String, Object> objects = new LinkedHashMap<>();
    private final Map<String, List<EventHandler>> eventHandlers = new LinkedHashMap<>();
    private volatile PrinterState state = PrinterState.STARTUP;
    private volatile String stateMessage = StateMessages.STARTUP;
    private volatile boolean shutdown;

    /**
     * @param internalModules modules the core serves itself, by section name
     * @param exitRequests    receives {@link #requestExit} results (ends this printer's run)
     */
    public PrinterImpl(Reactor reactor, StartArgs startArgs, ModuleRegistry.Snapshot modules,
            Map<String, PrinterModule> internalModules, Consumer<String> exitRequests) {
        this.reactor = reactor;
        this.startArgs = startArgs;
        this.modules = modules;
        this.internalModules = Map.copyOf(internalModules);
        this.exitRequests = exitRequests;
    }

    @Override
    public Reactor getReactor() {
        return reactor;
    }

    @Override
    public StartArgs getStartArgs() {
        return startArgs;
    }

    public ModuleRegistry.Snapshot modules() {
        return modules;
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
        Object o = lookupObject(name);
        if (!type.isInstance(o)) {
            throw new ConfigException("Config object '" + name + "' is not a " + type.getSimpleName());
        }
        return type.cast(o);
    }

    @Override
    public <T> Optional<T> findObject(String name, Class<T> type) {
        Object o = objects.get(name);
        return type.isInstance(o) ? Optional.of(type.cast(o)) : Optional.empty();
    }

    @Override
    public List<Map.Entry<String, Object>> lookupObjects(String module) {
        List<Map.Entry<String, Object>> result = new ArrayList<>();
        // built once, not per object: the motion flush asks for "mcu" objects on every flush
        String prefix = module == null ? null : module + " ";
        for (Map.Entry<String, Object> e : objects.entrySet()) {
            String n = e.getKey();
            if (module == null || n.equals(module) || n.startsWith(prefix)) {
                result.add(Map.entry(n, e.getValue()));
            }
        }
        return result;
    }

    @Override
    public Object loadObject(ConfigSection config, String section) {
        Object existing = objects.get(section);
        if (existing != null) {
            return existing;
        }
        PrinterModule module = moduleFor(section);
        if (module == null) {
            throw new ConfigException("Unable to load module '" + section + "'");
        }
        Object obj = module.load(config.getSection(section));
        if (obj != null && !objects.containsKey(section)) {
            objects.put(section, obj);
        }
        return objects.get(section);
    }

    @Override
    public boolean hasModule(String section) {
        return moduleFor(section) != null;
    }

    /** The module for a section: the core's own first, then the module services. */
    PrinterModule moduleFor(String section) {
        PrinterModule internal = internalModules.get(section);
        if (internal == null) {
            internal = internalModules.get(ModuleEntry.firstWord(section) + " *");
        }
        if (internal != null) {
            return internal;
        }
        return modules.find(section).map(ModuleEntry::module).orElse(null);
    }

    @Override
    public void registerEventHandler(String event, EventHandler handler) {
        eventHandlers.computeIfAbsent(event, k -> new ArrayList<>()).add(handler);
    }

    @Override
    public void sendEvent(String event, Object... args) {
        for (EventHandler h : List.copyOf(eventHandlers.getOrDefault(event, List.of()))) {
            try {
                h.handle(args);
            } catch (RuntimeException e) {
                throw e;
            } catch (Exception e) {
                throw new IllegalStateException("Error in handler of " + event + ": " + e.getMessage(), e);
            }
        }
    }

    @Override
    public PrinterState getState() {
        return state;
    }

    @Override
    public String getStateMessage() {
        return stateMessage;
    }

    void setState(PrinterState newState, String message) {
        if (newState != state || !message.equals(stateMessage)) {
            LOG.info("State: {} ({})", newState.wireName(), message.lines().findFirst().orElse(""));
        }
        state = newState;
        stateMessage = message;
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
        LOG.error("Transition to shutdown state: {}", message);
        shutdown = true;
        setState(PrinterState.SHUTDOWN, message + "\n" + StateMessages.SHUTDOWN_HINT);
        for (EventHandler h : List.copyOf(eventHandlers.getOrDefault(PrinterEvents.SHUTDOWN, List.of()))) {
            try {
                h.handle();
            } catch (Exception e) {
                LOG.error("Exception during shutdown handler", e);
            }
        }
        LOG.info("Reactor garbage collection: shutdown complete");
    }

    @Override
    public void invokeAsyncShutdown(String message) {
        reactor.registerAsyncCallback(t -> invokeShutdown(message));
    }

    @Override
    public void requestExit(String result) {
        exitRequests.accept(result);
    }
}
