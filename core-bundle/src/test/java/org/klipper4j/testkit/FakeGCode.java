/* klipper4j - a Klipper-compatible printer host. GPL-3.0-only. */
package org.klipper4j.testkit;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.klipper4j.core.api.ConfigException;
import org.klipper4j.core.api.gcode.CommandError;
import org.klipper4j.core.api.gcode.GCodeCommand;
import org.klipper4j.core.api.gcode.GCodeDispatch;
import org.klipper4j.core.api.gcode.GCodeHandler;
import org.klipper4j.core.internal.gcode.GCodeCommandImpl;

/**
 * A G-code dispatcher that records every line it runs and every response. Lines
 * of registered (and mux) commands go to their handlers; lines nobody registered
 * are only recorded, standing in for the rest of the printer. An error is
 * answered with {@code !! message} and rethrown, as the core's dispatcher does
 * for script lines; registration and mux errors use the core's words. Handlers
 * get the core's own command objects, so parameter errors are Klipper's.
 */
public final class FakeGCode implements GCodeDispatch {
    /** {@code KEY=value}, {@code KEY="quoted value"} or classic {@code X10}. */
    private static final Pattern PARAM = Pattern.compile("(\\S+?)=(\"[^\"]*\"|'[^']*'|\\S*)|(\\S)(\\S*)");

    private record MuxTable(String key, Map<String, GCodeHandler> handlers) {
    }

    private final Map<String, GCodeHandler> commands = new LinkedHashMap<>();
    private final Map<String, MuxTable> muxCommands = new LinkedHashMap<>();
    private final Map<String, String> help = new LinkedHashMap<>();
    private final List<Consumer<String>> outputHandlers = new ArrayList<>();
    /** Response lines, in order ({@code // } info, {@code !! } errors, {@code ok} acks, raw as is). */
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
            throw new ConfigException("gcode command " + key + " already registered");
        }
        commands.put(key, handler);
        if (helpText != null) {
            help.put(key, helpText);
        }
    }

    @Override
    public GCodeHandler getHandler(String name) {
        return commands.get(name.toUpperCase(Locale.ROOT));
    }

    @Override
    public void unregisterCommand(String name) {
        String key = name.toUpperCase(Locale.ROOT);
        commands.remove(key);
        help.remove(key);
        muxCommands.remove(key);
    }

    @Override
    public void registerMuxCommand(String cmd, String key, String value, GCodeHandler handler, String helpText) {
        String name = cmd.toUpperCase(Locale.ROOT);
        MuxTable table = muxCommands.get(name);
        if (table == null) {
            registerCommand(name, gcmd -> dispatchMux(name, gcmd), false, helpText);
            table = new MuxTable(key, new LinkedHashMap<>());
            muxCommands.put(name, table);
        }
        if (!table.key().equals(key)) {
            throw new ConfigException("mux command " + cmd + " " + key + " " + value
                    + " may have only one key (" + table.key() + ")");
        }
        if (table.handlers().containsKey(value)) {
            throw new ConfigException("mux command " + cmd + " " + key + " " + value
                    + " already registered (" + table.handlers().keySet() + ")");
        }
        table.handlers().put(value, handler);
    }

    /** As Klipper: the key may be left out only if a default (null value) handler exists. */
    private void dispatchMux(String name, GCodeCommand gcmd) throws Exception {
        MuxTable table = muxCommands.get(name);
        String keyParam = table.handlers().containsKey(null) ? gcmd.get(table.key(), null) : gcmd.get(table.key());
        GCodeHandler handler = table.handlers().get(keyParam);
        if (handler == null) {
            throw gcmd.error("The value '" + (keyParam == null ? "None" : keyParam) + "' is not valid for "
                    + table.key());
        }
        handler.handle(gcmd);
    }

    /** Runs input lines; each acks to {@code ack} ({@code ok msg} if its handler acked, else {@code ok}). */
    @Override
    public void processInput(List<String> lines, Consumer<String> ack) {
        for (String line : lines) {
            boolean[] acked = new boolean[1];
            Consumer<String> once = msg -> {
                acked[0] = true;
                ack.accept(msg);
            };
            try {
                runLine(line, once);
            } catch (CommandError e) {
                // reported with "!!" already; input goes on with the next line
            }
            if (!acked[0]) {
                ack.accept("ok");
            }
        }
    }

    @Override
    public void runScript(String script) {
        for (String line : script.split("\n", -1)) {
            runLine(line, null);
        }
    }

    @Override
    public void runScriptFromCommand(String script) {
        runScript(script);
    }

    /**
     * Runs one line as if typed at the console (a handler's ack is recorded as
     * {@code ok msg}); returns the error message, or null on success.
     */
    public String run(String line) {
        try {
            for (String l : line.split("\n", -1)) {
                runLine(l, output::add);
            }
            return null;
        } catch (CommandError e) {
            return e.getMessage();
        }
    }

    private void runLine(String raw, Consumer<String> ackSink) {
        int semi = raw.indexOf(';');
        String line = (semi >= 0 ? raw.substring(0, semi) : raw).trim();
        if (line.isEmpty()) {
            return;
        }
        executed.add(line);
        GCodeCommandImpl cmd = parse(line, ackSink);
        GCodeHandler handler = commands.get(cmd.getCommand());
        if (handler == null) {
            return;
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

    private GCodeCommandImpl parse(String line, Consumer<String> ackSink) {
        String word = line.split("\\s+")[0];
        Map<String, String> params = new LinkedHashMap<>();
        Matcher m = PARAM.matcher(line.substring(word.length()).trim());
        while (m.find()) {
            if (m.group(1) != null) {
                params.put(m.group(1).toUpperCase(Locale.ROOT), unquote(m.group(2)));
            } else {
                params.put(m.group(3).toUpperCase(Locale.ROOT), m.group(4));
            }
        }
        return new GCodeCommandImpl(this, word.toUpperCase(Locale.ROOT), line, params, ackSink);
    }

    private static String unquote(String v) {
        boolean quoted = v.length() >= 2
                && (v.startsWith("\"") && v.endsWith("\"") || v.startsWith("'") && v.endsWith("'"));
        return quoted ? v.substring(1, v.length() - 1) : v;
    }

    /** Each line of the message as its own {@code // line} response, as the core words them. */
    @Override
    public void respondInfo(String message) {
        for (String line : message.strip().split("\n", -1)) {
            respondRaw("// " + line.strip());
        }
    }

    /** As the core: the other lines of a long message as info, then {@code !! first line}. */
    @Override
    public void respondError(String message) {
        String[] lines = message.strip().split("\n", -1);
        if (lines.length > 1) {
            respondInfo(message);
        }
        respondRaw("!! " + lines[0].strip());
    }

    @Override
    public void respondRaw(String message) {
        output.add(message);
        for (Consumer<String> h : List.copyOf(outputHandlers)) {
            h.accept(message);
        }
    }

    @Override
    public void registerOutputHandler(Consumer<String> handler) {
        outputHandlers.add(handler);
    }

    @Override
    public void unregisterOutputHandler(Consumer<String> handler) {
        outputHandlers.remove(handler);
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
        return new GCodeCommandImpl(this, command, commandline, params, null);
    }
}
