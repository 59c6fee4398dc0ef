/* klipper4j - a Klipper-compatible printer host. GPL-3.0-only. */
package org.klipper4j.extras.fan.fakes;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.klipper4j.core.api.Bounds;
import org.klipper4j.core.api.gcode.CommandError;
import org.klipper4j.core.api.gcode.GCodeCommand;

/** A parsed command ({@code NAME KEY=value} or {@code M106 S50}) with Klipper's parameter errors. */
public final class FakeCommand implements GCodeCommand {
    private final String command;
    private final String commandline;
    private final String rawParameters;
    private final Map<String, String> params;
    private final List<String> output;

    FakeCommand(String command, String commandline, String rawParameters, Map<String, String> params,
            List<String> output) {
        this.command = command;
        this.commandline = commandline;
        this.rawParameters = rawParameters;
        this.params = params;
        this.output = output;
    }

    static FakeCommand parse(String line, List<String> output) {
        String[] parts = line.trim().split("\\s+");
        String name = parts[0].toUpperCase(Locale.ROOT);
        String raw = line.trim().substring(parts[0].length()).trim();
        Map<String, String> params = new LinkedHashMap<>();
        for (int i = 1; i < parts.length; i++) {
            String p = parts[i];
            int eq = p.indexOf('=');
            if (eq > 0) {
                params.put(p.substring(0, eq).toUpperCase(Locale.ROOT), p.substring(eq + 1));
            } else {
                params.put(p.substring(0, 1).toUpperCase(Locale.ROOT), p.substring(1));
            }
        }
        return new FakeCommand(name, line.trim(), raw, params, output);
    }

    @Override
    public String getCommand() {
        return command;
    }

    @Override
    public String getCommandline() {
        return commandline;
    }

    @Override
    public Map<String, String> getCommandParameters() {
        return params;
    }

    @Override
    public String getRawCommandParameters() {
        return rawParameters;
    }

    @Override
    public boolean has(String name) {
        return params.containsKey(name);
    }

    @Override
    public String get(String name) {
        String v = params.get(name);
        if (v == null) {
            throw error(onLine("missing " + name));
        }
        return v;
    }

    @Override
    public String get(String name, String defaultValue) {
        return params.getOrDefault(name, defaultValue);
    }

    @Override
    public int getInt(String name) {
        get(name);
        return getInt(name, null, null, null);
    }

    @Override
    public Integer getInt(String name, Integer defaultValue) {
        return getInt(name, defaultValue, null, null);
    }

    @Override
    public Integer getInt(String name, Integer defaultValue, Integer minval, Integer maxval) {
        String v = params.get(name);
        if (v == null) {
            return defaultValue;
        }
        try {
            return Integer.parseInt(v.trim());
        } catch (NumberFormatException e) {
            throw error(onLine("unable to parse " + v));
        }
    }

    @Override
    public double getFloat(String name) {
        get(name);
        return getFloat(name, null, Bounds.NONE);
    }

    @Override
    public Double getFloat(String name, Double defaultValue) {
        return getFloat(name, defaultValue, Bounds.NONE);
    }

    @Override
    public Double getFloat(String name, Double defaultValue, Bounds bounds) {
        String v = params.get(name);
        if (v == null) {
            return defaultValue;
        }
        double value;
        try {
            value = Double.parseDouble(v.trim());
        } catch (NumberFormatException e) {
            throw error(onLine("unable to parse " + v));
        }
        String violation = PyBounds.violation(bounds, value);
        if (violation != null) {
            throw error(onLine(name + " " + violation));
        }
        return value;
    }

    private String onLine(String what) {
        return "Error on '" + commandline + "': " + what;
    }

    @Override
    public void respondInfo(String message) {
        output.add("// " + message);
    }

    @Override
    public void respondRaw(String message) {
        output.add(message);
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
