/* klipper4j - a Klipper-compatible printer host. GPL-3.0-only. */
package org.klipper4j.extras.fan.fakes;

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

/** A G-code dispatcher with plain and mux commands that records responses. */
public final class FakeGCode implements GCodeDispatch {

    private record Mux(String key, Map<String, GCodeHandler> byValue) {
    }

    private final Map<String, GCodeHandler> commands = new LinkedHashMap<>();
    private final Map<String, Mux> muxes = new LinkedHashMap<>();
    private final Map<String, String> help = new LinkedHashMap<>();
    /** Response lines, in order. */
    public final List<String> output = new ArrayList<>();

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
        Mux mux = muxes.computeIfAbsent(cmd, c -> new Mux(key, new LinkedHashMap<>()));
        if (!mux.key().equals(key)) {
            throw new IllegalStateException("mux command " + cmd + " " + key + " " + value + " may have only one key");
        }
        if (mux.byValue().containsKey(value)) {
            throw new IllegalStateException("mux command " + cmd + " " + key + " " + value + " already registered");
        }
        mux.byValue().put(value, handler);
        if (helpText != null) {
            help.put(cmd, helpText);
        }
    }

    @Override
    public void processInput(List<String> lines, Consumer<String> ack) {
        runScript(String.join("\n", lines));
    }

    @Override
    public void runScript(String script) {
        for (String raw : script.split("\n", -1)) {
            String line = raw.trim();
            if (line.isEmpty()) {
                continue;
            }
            FakeCommand cmd = FakeCommand.parse(line, output);
            GCodeHandler handler = commands.get(cmd.getCommand());
            Mux mux = muxes.get(cmd.getCommand());
            if (handler == null && mux != null) {
                String value = cmd.get(mux.key(), null);
                handler = mux.byValue().get(value);
                if (handler == null) {
                    throw new CommandError("The value '" + (value == null ? "None" : value) + "' is not valid for "
                            + mux.key());
                }
            }
            if (handler == null) {
                throw new CommandError("Unknown command:\"" + cmd.getCommand() + "\"");
            }
            try {
                handler.handle(cmd);
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

    /** Runs lines; returns the error message, or null on success. */
    public String run(String script) {
        try {
            runScript(script);
            return null;
        } catch (CommandError e) {
            return e.getMessage();
        }
    }

    @Override
    public void respondInfo(String message) {
        output.add("// " + message);
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
        String key = name.toUpperCase(Locale.ROOT);
        return commands.containsKey(key) || muxes.containsKey(key);
    }

    @Override
    public GCodeCommand createCommand(String command, String commandline, Map<String, String> params) {
        return new FakeCommand(command, commandline, "", params, output);
    }
}
