/* klipper4j - a Klipper-compatible printer host. GPL-3.0-only. */
package org.klipper4j.core.api;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.klipper4j.core.api.reactor.Reactor;

/**
 * The printer object registry and lifecycle, as Klipper's {@code Printer}.
 * Every method must be called on the reactor thread unless it says otherwise.
 */
public interface Printer {

    Reactor getReactor();

    StartArgs getStartArgs();

    /** Adds a named object; throws if the name is taken. */
    void addObject(String name, Object object);

    /** The named object; throws a {@link ConfigException} if it does not exist. */
    Object lookupObject(String name);

    /** The named object cast to {@code type}; throws if missing or of another type. */
    <T> T lookupObject(String name, Class<T> type);

    <T> Optional<T> findObject(String name, Class<T> type);

    /**
     * Objects named {@code module} or {@code "module ..."}, in registration order
     * (Klipper's {@code lookup_objects}); all objects for {@code null}.
     */
    List<Map.Entry<String, Object>> lookupObjects(String module);

    /**
     * Loads the module for {@code section} if it is not loaded yet and returns its
     * object (Klipper's {@code load_object}). The section need not be in the config.
     */
    Object loadObject(ConfigSection config, String section);

    /**
     * True if a module serves {@code section}, so {@link #loadObject} can load it. Lets
     * an object load an optional helper (steppers load {@code force_move} if present).
     */
    default boolean hasModule(String section) {
        return false;
    }

    void registerEventHandler(String event, EventHandler handler);

    /** Sends an event to every handler, in registration order; returns their results. */
    void sendEvent(String event, Object... args);

    PrinterState getState();

    /** The message that goes with the state ("Printer is ready", the shutdown reason, ...). */
    String getStateMessage();

    boolean isShutdown();

    /** Shuts the printer down now (heaters and motors off) with the given reason. */
    void invokeShutdown(String message);

    /** As {@link #invokeShutdown}, callable from any thread. */
    void invokeAsyncShutdown(String message);

    /**
     * Asks the host to stop its main loop with a result: {@code "exit"},
     * {@code "error_exit"}, {@code "restart"} or {@code "firmware_restart"}.
     */
    void requestExit(String result);
}
