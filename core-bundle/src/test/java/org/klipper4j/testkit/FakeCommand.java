/* klipper4j - a Klipper-compatible printer host. GPL-3.0-only. */
package org.klipper4j.testkit;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.klipper4j.core.api.Bounds;
import org.klipper4j.core.api.gcode.CommandError;
import org.klipper4j.core.api.gcode.GCodeCommand;
import org.klipper4j.core.api.gcode.GCodeDispatch;

/**
 * A parsed command ({@code NAME KEY=value}, {@code KEY="quoted value"} or classic
 * {@code G1 X10}) with the core's (Klipper's) parameter errors. Responses go to the
 * dispatcher; {@link #ack} answers {@code ok msg} once if the command came with an ack sink.
 */
public final class FakeCommand implements GCodeCommand {
    private static final Pattern PARAM = Pattern.compile("(\\S+?)=(\"[^\"]*\"|'[^']*'|\\S*)|(\\S)(\\S*)");

    private final String command;
    private final String commandline;
    private final String rawParameters;
    private final Map<String, String> params;
    private final GCodeDispatch output;
    private Consumer<String> ackSink;

    FakeCommand(String command, String commandline, String rawParameters, Map<String, String> params,
            GCodeDispatch output, Consumer<String> ackSink) {
        this.command = command;
        this.commandline = commandline;
        this.rawParameters = rawParameters;
        this.params = params;
        this.output = output;
        this.ackSink = ackSink;
    }

    static FakeCommand parse(String line, GCodeDispatch output, Consumer<String> ackSink) {
        String trimmed = line.trim();
        String word = trimmed.split("\\s+")[0];
        String raw = trimmed.substring(word.length()).trim();
        Map<String, String> params = new LinkedHashMap<>();
        Matcher m = PARAM.matcher(raw);
        while (m.find()) {
            if (m.group(1) != null) {
                params.put(m.group(1).toUpperCase(Locale.ROOT), unquote(m.group(2)));
            } else {
                params.put(m.group(3).toUpperCase(Locale.ROOT), m.group(4));
            }
        }
        return new FakeCommand(word.toUpperCase(Locale.ROOT), trimmed, raw, params, output, ackSink);
    }

    private static String unquote(String v) {
        boolean quoted = v.length() >= 2 && (v.startsWith("\"") && v.endsWith("\"")
                || v.startsWith("'") && v.endsWith("'"));
        return quoted ? v.substring(1, v.length() - 1) : v;
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
        int value;
        try {
            value = Integer.parseInt(v.trim());
        } catch (NumberFormatException e) {
            throw error(onLine("unable to parse " + v));
        }
        if (minval != null && value < minval) {
            throw error(onLine(name + " must have minimum of " + minval));
        }
        if (maxval != null && value > maxval) {
            throw error(onLine(name + " must have maximum of " + maxval));
        }
        return value;
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
        String violation = bounds == null ? null : bounds.violation(value);
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
        output.respondInfo(message);
    }

    @Override
    public void respondRaw(String message) {
        output.respondRaw(message);
    }

    @Override
    public boolean ack(String msg) {
        if (ackSink == null) {
            return false;
        }
        Consumer<String> sink = ackSink;
        ackSink = null;
        sink.accept(msg == null || msg.isEmpty() ? "ok" : "ok " + msg);
        return true;
    }

    @Override
    public CommandError error(String message) {
        return new CommandError(message);
    }
}
