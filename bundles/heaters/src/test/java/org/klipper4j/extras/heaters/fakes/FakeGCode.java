/* klipper4j - a Klipper-compatible printer host. GPL-3.0-only. */
package org.klipper4j.extras.heaters.fakes;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;

import org.klipper4j.core.api.gcode.CommandError;
import org.klipper4j.core.api.gcode.GCodeCommand;
import org.klipper4j.core.api.gcode.GCodeDispatch;
import org.klipper4j.core.api.gcode.GCodeHandler;

/**
 * A G-code dispatcher (copied from the print-stats fakes, with mux commands) that records every line it runs and every response. Lines
 * of registered commands go to their handlers; other lines are only recorded.
 * An error is answered with {@code !! message} and rethrown, as Klipper does.
 */
public final class FakeGCode implements GCodeDispatch {

    private final Map<String, GCodeHandler> commands = new LinkedHashMap<>();
    private final Map<String, String> help = new LinkedHashMap<>();
    private final Map<String, Map<String, GCodeHandler>> mux = new LinkedHashMap<>();
    /** Response lines, in order ({@code // } info, {@code !! } errors, raw as is). */
    public final List<String> output = new ArrayList<>();
    /** Every non-empty line run, comments removed. */
    public final List<String> executed = new ArrayList<>();

    @Override
    public void registerCommand(String name, GCodeHandler handler, boolean whenNotReady, String helpText) {
        String key = name.toUpperCase(Locale.ROOT);
        if (handler == null) {
            commands.remove(key);
            return;
        }
        if (commands.containsKey(key)) {
            throw new IllegalStateException("gcode command " + name + " already registered");
        }
        commands.put(key, handler);
        if (helpText != null) {
            help.put(key, helpText);
        }
    }

    @Override
    public void unregisterCommand(String name) {
        commands.remove(name.toUpperCase(Locale.ROOT));
    }

    @Override
    public void registerMuxCommand(String cmd, String key, String value, GCodeHandler handler, String helpText) {
        String name = cmd.toUpperCase(Locale.ROOT);
        Map<String, GCodeHandler> byValue = mux.computeIfAbsent(name, k -> new LinkedHashMap<>());
        if (byValue.isEmpty()) {
            commands.put(name, c -> {
                String v = c.get(key, null);
                GCodeHandler h = byValue.get(v);
                if (h == null) {
                    throw c.error("The value '" + v + "' is not valid for " + key);
                }
                h.handle(c);
            });
        }
        byValue.put(value, handler);
    }

    @Override
    public void processInput(List<String> lines, Consumer<String> ack) {
        runScript(String.join("\n", lines));
    }

    @Override
    public void runScript(String script) {
        for (String raw : script.split("\n", -1)) {
            int semi = raw.indexOf(';');
            String line = (semi >= 0 ? raw.substring(0, semi) : raw).trim();
            if (line.isEmpty()) {
                continue;
            }
            executed.add(line);
            FakeCommand cmd = FakeCommand.parse(line, output);
            GCodeHandler handler = commands.get(cmd.getCommand());
            if (handler == null) {
                continue;
            }
            try {
                handler.handle(cmd);
            } catch (CommandError e) {
                respondError(e.getMessage());
                throw e;
            } catch (RuntimeException e) {
                throw e;
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }
    }

    @Override
    public void runScriptFromCommand(String script) {
        runScript(script);
    }

    /** Runs one line as if typed at the console; returns the error message, or null on success. */
    public String run(String line) {
        try {
            runScript(line);
            return null;
        } catch (CommandError e) {
            return e.getMessage();
        }
    }

    @Override
    public void respondInfo(String message) {
        for (String line : message.split("\n", -1)) {
            output.add("// " + line); // every line prefixed, as the real dispatcher does
        }
    }

    @Override
    public void respondError(String message) {
        output.add("!! " + message);
    }

    @Override
    public void respondRaw(String message) {
        output.add(message);
    }

    @Override
    public void registerOutputHandler(Consumer<String> handler) {
    }

    @Override
    public void unregisterOutputHandler(Consumer<String> handler) {
    }

    @Override
    public Map<String, String> getCommandHelp() {
        return Map.copyOf(help);
    }

    @Override
    public boolean isRegistered(String name) {
        return commands.containsKey(name.toUpperCase(Locale.ROOT));
    }

    @Override
    public GCodeCommand createCommand(String command, String commandline, Map<String, String> params) {
        return new FakeCommand(command, commandline, "", params, output);
    }
}
