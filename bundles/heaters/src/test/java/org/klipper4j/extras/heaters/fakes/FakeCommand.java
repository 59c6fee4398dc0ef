/* klipper4j - a Klipper-compatible printer host. GPL-3.0-only. */
package org.klipper4j.extras.heaters.fakes;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.klipper4j.core.api.Bounds;
import org.klipper4j.core.api.gcode.CommandError;
import org.klipper4j.core.api.gcode.GCodeCommand;

/** A parsed command (copied from the print-stats fakes; ack records "ok msg"): {@code NAME KEY=value} or classic {@code G1 X10} parameters. */
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
        String trimmed = line.trim();
        String name = trimmed.split("\\s+")[0].toUpperCase(Locale.ROOT);
        String raw = trimmed.substring(name.length()).trim();
        Map<String, String> params = new LinkedHashMap<>();
        // KEY=value or KEY="quoted value" (as Klipper's shell-style split), else classic X10
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("(\\S+?)=(\"[^\"]*\"|\\S*)|(\\S)(\\S*)")
                .matcher(raw);
        while (m.find()) {
            if (m.group(1) != null) {
                params.put(m.group(1).toUpperCase(Locale.ROOT), m.group(2).replace("\"", ""));
            } else {
                params.put(m.group(3).toUpperCase(Locale.ROOT), m.group(4));
            }
        }
        return new FakeCommand(name, line, raw, params, output);
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
            throw error("Error on '" + commandline + "': missing " + name);
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
        int value;
        try {
            value = Integer.parseInt(v.trim());
        } catch (NumberFormatException e) {
            throw error("Error on '" + commandline + "': unable to parse " + v);
        }
        if (minval != null && value < minval) {
            throw error("Error on '" + commandline + "': " + name + " must have minimum of " + minval);
        }
        if (maxval != null && value > maxval) {
            throw error("Error on '" + commandline + "': " + name + " must have maximum of " + maxval);
        }
        return value;
    }

    @Override
    public double getFloat(String name) {
        return Double.parseDouble(get(name));
    }

    @Override
    public Double getFloat(String name, Double defaultValue) {
        String v = params.get(name);
        return v == null ? defaultValue : Double.valueOf(v);
    }

    @Override
    public Double getFloat(String name, Double defaultValue, Bounds bounds) {
        Double v = getFloat(name, defaultValue);
        if (params.containsKey(name) && bounds != null && bounds.violation(v) != null) {
            throw error("Error on '" + commandline + "': " + name + " " + bounds.violation(v));
        }
        return v;
    }

    @Override
    public void respondInfo(String message) {
        for (String line : message.split("\n", -1)) {
            output.add("// " + line); // every line prefixed, as the real dispatcher does
        }
    }

    @Override
    public void respondRaw(String message) {
        output.add(message);
    }

    @Override
    public boolean ack(String msg) {
        output.add(msg == null || msg.isEmpty() ? "ok" : "ok " + msg);
        return true;
    }

    @Override
    public CommandError error(String message) {
        return new CommandError(message);
    }
}
