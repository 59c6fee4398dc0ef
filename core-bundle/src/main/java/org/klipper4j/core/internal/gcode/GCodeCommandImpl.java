/* klipper4j - a Klipper-compatible printer host. GPL-3.0-only. */
package org.klipper4j.core.internal.gcode;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Function;

import org.klipper4j.core.api.Bounds;
import org.klipper4j.core.api.gcode.CommandError;
import org.klipper4j.core.api.gcode.GCodeCommand;
import org.klipper4j.core.api.gcode.GCodeDispatch;

/** One command with Klipper's typed getters and error wording. */
public final class GCodeCommandImpl implements GCodeCommand {
    private final GCodeDispatch output;
    private String command;
    private final String commandline;
    private final Map<String, String> params;
    private Consumer<String> ackSink;

    /**
     * @param output  where respondInfo/respondRaw go
     * @param ackSink where "ok" goes; null if the source wants no acks
     */
    public GCodeCommandImpl(GCodeDispatch output, String command, String commandline, Map<String, String> params,
            Consumer<String> ackSink) {
        this.output = output;
        this.command = command;
        this.commandline = commandline;
        this.params = new LinkedHashMap<>(params);
        this.ackSink = ackSink;
    }

    @Override
    public String getCommand() {
        return command;
    }

    /** Renames the command (M117 with a numeric first word is dispatched under its real name). */
    void setCommand(String name) {
        this.command = name;
    }

    @Override
    public String getCommandline() {
        return commandline;
    }

    @Override
    public Map<String, String> getCommandParameters() {
        return Collections.unmodifiableMap(params);
    }

    /** Replaces the parameters (extended commands re-parse the raw text). */
    void replaceParameters(Map<String, String> newParams) {
        params.clear();
        params.putAll(newParams);
    }

    @Override
    public String getRawCommandParameters() {
        String origline = commandline;
        int start = command.length();
        int end = origline.length();
        if (!origline.substring(0, Math.min(start, origline.length())).toUpperCase(Locale.ROOT).equals(command)) {
            // Skip a line number before the command and a trailing checksum.
            start += origline.toUpperCase(Locale.ROOT).indexOf(command);
            int star = origline.lastIndexOf('*');
            if (star >= 0 && isDigits(origline.substring(star + 1))) {
                end = star;
            }
        }
        start = Math.max(0, Math.min(start, origline.length()));
        if (start < origline.length() && Character.isWhitespace(origline.charAt(start))) {
            start++;
        }
        return start >= end ? "" : origline.substring(start, end);
    }

    private static boolean isDigits(String s) {
        return !s.isEmpty() && s.chars().allMatch(Character::isDigit);
    }

    @Override
    public boolean has(String name) {
        return params.containsKey(name);
    }

    @Override
    public String get(String name) {
        String value = params.get(name);
        if (value == null) {
            throw missing(name);
        }
        return value;
    }

    @Override
    public String get(String name, String defaultValue) {
        String value = params.get(name);
        return value == null ? defaultValue : value;
    }

    @Override
    public int getInt(String name) {
        return parse(name, PyNumbers::parseInt);
    }

    @Override
    public Integer getInt(String name, Integer defaultValue) {
        return getInt(name, defaultValue, null, null);
    }

    @Override
    public Integer getInt(String name, Integer defaultValue, Integer minval, Integer maxval) {
        if (!params.containsKey(name)) {
            return defaultValue;
        }
        int value = parse(name, PyNumbers::parseInt);
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
        return parse(name, PyNumbers::parseFloat);
    }

    @Override
    public Double getFloat(String name, Double defaultValue) {
        return getFloat(name, defaultValue, Bounds.NONE);
    }

    @Override
    public Double getFloat(String name, Double defaultValue, Bounds bounds) {
        if (!params.containsKey(name)) {
            return defaultValue;
        }
        double value = parse(name, PyNumbers::parseFloat);
        if (bounds.minval() != null && value < bounds.minval()) {
            throw error(onLine(name + " must have minimum of " + PyNumbers.str(bounds.minval())));
        }
        if (bounds.maxval() != null && value > bounds.maxval()) {
            throw error(onLine(name + " must have maximum of " + PyNumbers.str(bounds.maxval())));
        }
        if (bounds.above() != null && value <= bounds.above()) {
            throw error(onLine(name + " must be above " + PyNumbers.str(bounds.above())));
        }
        if (bounds.below() != null && value >= bounds.below()) {
            throw error(onLine(name + " must be below " + PyNumbers.str(bounds.below())));
        }
        return value;
    }

    private <T> T parse(String name, Function<String, T> parser) {
        String raw = params.get(name);
        if (raw == null) {
            throw missing(name);
        }
        try {
            return parser.apply(raw);
        } catch (NumberFormatException e) {
            throw error(onLine("unable to parse " + raw));
        }
    }

    private CommandError missing(String name) {
        return error(onLine("missing " + name));
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

    /** Klipper's gcmd.error: the message is shown as given. */
    @Override
    public CommandError error(String message) {
        return new CommandError(message);
    }
}
