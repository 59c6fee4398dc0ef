/* klipper4j - a Klipper-compatible printer host. GPL-3.0-only. */
package org.klipper4j.core.api.gcode;

import java.util.Map;
import java.util.function.Consumer;

/**
 * Klipper's {@code gcode} object: command registration, script execution and
 * responses. Registered in the printer as {@code "gcode"}.
 */
public interface GCodeDispatch {

    /**
     * Registers a command; {@code help} shows in HELP (null hides it). Registering
     * over an existing command throws unless {@code handler} is null, which removes it.
     */
    void registerCommand(String name, GCodeHandler handler, boolean whenNotReady, String help);

    default void registerCommand(String name, GCodeHandler handler, String help) {
        registerCommand(name, handler, false, help);
    }

    /** Removes a command registered earlier (a stopped bundle's commands go away). */
    void unregisterCommand(String name);

    /**
     * Registers a multiplexed command: {@code cmd KEY=value} goes to {@code handler}
     * for that value; {@code value == null} makes it the default when KEY is absent.
     */
    void registerMuxCommand(String cmd, String key, String value, GCodeHandler handler, String help);

    /**
     * Feeds lines from an input source (the pty, a batch file) on the reactor
     * thread. Lines run in order after any still pending; an {@code M112} line acts
     * at once even while others wait. After each line {@code ack} gets {@code "ok"}
     * (or {@code "ok <msg>"}); null for no acks.
     */
    void processInput(java.util.List<String> lines, Consumer<String> ack);

    /** Runs a script (lines separated by newline) as if typed; waits until it is done. */
    void runScript(String script);

    /** Runs a script from inside a running command (no extra locking). */
    void runScriptFromCommand(String script);

    /** Sends {@code // message} to every output. */
    void respondInfo(String message);

    /** Sends {@code !! message} to every output. */
    void respondError(String message);

    /** Sends text unchanged to every output. */
    void respondRaw(String message);

    /** Adds a listener for every response line (the pty, API subscribers, the batch log). */
    void registerOutputHandler(Consumer<String> handler);

    void unregisterOutputHandler(Consumer<String> handler);

    /** Help texts of the registered commands, by name. */
    Map<String, String> getCommandHelp();

    /**
     * The handler registered for a command, or null if there is none (gcode_macro's
     * {@code rename_existing} moves a command to a new name with it).
     */
    default GCodeHandler getHandler(String name) {
        return null;
    }

    /** True if the command name is registered. */
    boolean isRegistered(String name);

    /** Builds a command object to call another handler directly (Klipper's create_gcode_command). */
    GCodeCommand createCommand(String command, String commandline, Map<String, String> params);

    /** True while a command runs (Klipper's {@code get_mutex().test()}): scripts from timers must wait. */
    default boolean isMutexLocked() {
        return false;
    }
}
