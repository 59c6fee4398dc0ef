/* klipper4j - a Klipper-compatible printer host. GPL-3.0-only. */
package org.klipper4j.extras.extruder.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import org.klipper4j.core.api.Bounds;
import org.klipper4j.core.api.gcode.CommandError;
import org.klipper4j.core.api.gcode.GCodeCommand;
import org.klipper4j.core.api.gcode.GCodeDispatch;
import org.klipper4j.core.api.gcode.GCodeHandler;

/** Records registered (and multiplexed) commands and runs them with given parameters; keeps responses. */
final class FakeGCode implements GCodeDispatch {
    final Map<String, GCodeHandler> commands = new LinkedHashMap<>();
    /** "CMD KEY=value" (value "" for the default) to handler. */
    final Map<String, GCodeHandler> mux = new LinkedHashMap<>();
    final Map<String, String> muxKeys = new LinkedHashMap<>();
    final List<String> responses = new ArrayList<>();

    @Override
    public void registerCommand(String name, GCodeHandler handler, boolean whenNotReady, String help) {
        commands.put(name, handler);
    }

    @Override
    public void unregisterCommand(String name) {
        commands.remove(name);
    }

    @Override
    public void registerMuxCommand(String cmd, String key, String value, GCodeHandler handler, String help) {
        String id = cmd + " " + key + "=" + (value == null ? "" : value);
        if (mux.containsKey(id)) {
            throw new IllegalStateException("mux command " + id + " already registered");
        }
        mux.put(id, handler);
        muxKeys.put(cmd, key);
    }

    /** Runs a command: "SET_PRESSURE_ADVANCE", "ADVANCE", "0.1", ... */
    void run(String command, String... params) throws Exception {
        Map<String, String> map = new LinkedHashMap<>();
        for (int i = 0; i < params.length; i += 2) {
            map.put(params[i], params[i + 1]);
        }
        GCodeCommand gcmd = new Command(command, map);
        GCodeHandler handler = commands.get(command);
        if (handler == null) {
            String key = muxKeys.get(command);
            handler = mux.get(command + " " + key + "=" + map.getOrDefault(key, ""));
            if (handler == null) {
                throw new CommandError("The value '" + map.get(key) + "' is not valid for " + key);
            }
        }
        handler.handle(gcmd);
    }

    @Override
    public void processInput(List<String> lines, Consumer<String> ack) {
        throw new UnsupportedOperationException();
    }

    @Override
    public void runScript(String script) {
        throw new UnsupportedOperationException();
    }

    @Override
    public void runScriptFromCommand(String script) {
        throw new UnsupportedOperationException();
    }

    @Override
    public void respondInfo(String message) {
        responses.add(message);
    }

    @Override
    public void respondError(String message) {
        responses.add("!! " + message);
    }

    @Override
    public void respondRaw(String message) {
        responses.add(message);
    }

    @Override
    public void registerOutputHandler(Consumer<String> handler) {
    }

    @Override
    public void unregisterOutputHandler(Consumer<String> handler) {
    }

    @Override
    public Map<String, String> getCommandHelp() {
        return Map.of();
    }

    @Override
    public boolean isRegistered(String name) {
        return commands.containsKey(name) || muxKeys.containsKey(name);
    }

    @Override
    public GCodeCommand createCommand(String command, String commandline, Map<String, String> params) {
        return new Command(command, params);
    }

    /** A command with string parameters and Klipper's range errors. */
    final class Command implements GCodeCommand {
        private final String name;
        private final Map<String, String> params;

        Command(String name, Map<String, String> params) {
            this.name = name;
            this.params = params;
        }

        @Override
        public String getCommand() {
            return name;
        }

        @Override
        public String getCommandline() {
            StringBuilder sb = new StringBuilder(name);
            params.forEach((k, v) -> sb.append(' ').append(k).append('=').append(v));
            return sb.toString();
        }

        @Override
        public Map<String, String> getCommandParameters() {
            return params;
        }

        @Override
        public String getRawCommandParameters() {
            return getCommandline().substring(name.length()).trim();
        }

        @Override
        public boolean has(String p) {
            return params.containsKey(p);
        }

        @Override
        public String get(String p) {
            String v = params.get(p);
            if (v == null) {
                throw error("Error on '" + getCommandline() + "': missing " + p);
            }
            return v;
        }

        @Override
        public String get(String p, String defaultValue) {
            return params.getOrDefault(p, defaultValue);
        }

        @Override
        public int getInt(String p) {
            return Integer.parseInt(get(p));
        }

        @Override
        public Integer getInt(String p, Integer defaultValue) {
            return has(p) ? getInt(p) : defaultValue;
        }

        @Override
        public Integer getInt(String p, Integer defaultValue, Integer minval, Integer maxval) {
            return getInt(p, defaultValue);
        }

        @Override
        public double getFloat(String p) {
            return Double.parseDouble(get(p));
        }

        @Override
        public Double getFloat(String p, Double defaultValue) {
            return has(p) ? getFloat(p) : defaultValue;
        }

        @Override
        public Double getFloat(String p, Double defaultValue, Bounds bounds) {
            if (!has(p)) {
                return defaultValue;
            }
            double v = getFloat(p);
            String why = bounds.violation(v);
            if (why != null) {
                throw error("Error on '" + getCommandline() + "': " + p + " " + why);
            }
            return v;
        }

        @Override
        public void respondInfo(String message) {
            responses.add(message);
        }

        @Override
        public void respondRaw(String message) {
            responses.add(message);
        }

        @Override
        public boolean ack(String msg) {
            return false;
        }

        @Override
        public CommandError error(String message) {
            return new CommandError(message);
        }
    }
}
