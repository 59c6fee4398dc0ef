/* klipper4j - a Klipper-compatible printer host. GPL-3.0-only. */
package org.klipper4j.core.internal.webhooks;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import org.klipper4j.core.api.gcode.CommandError;
import org.klipper4j.core.api.gcode.GCodeCommand;
import org.klipper4j.core.api.gcode.GCodeDispatch;
import org.klipper4j.core.api.gcode.GCodeHandler;

/**
 * A G-code dispatcher for tests. {@code M115} answers through its ack as
 * Klipper's does; {@code BAD...} fails; any other line echoes {@code // line}.
 */
public final class FakeGCode implements GCodeDispatch {
    public final List<String> scripts = new ArrayList<>();
    public final List<String> inputLines = new ArrayList<>();
    private final List<Consumer<String>> outputHandlers = new ArrayList<>();

    @Override
    public void registerCommand(String name, GCodeHandler handler, boolean whenNotReady, String help) {
        throw new UnsupportedOperationException();
    }

    @Override
    public void unregisterCommand(String name) {
        throw new UnsupportedOperationException();
    }

    @Override
    public void registerMuxCommand(String cmd, String key, String value, GCodeHandler handler, String help) {
        throw new UnsupportedOperationException();
    }

    @Override
    public void processInput(List<String> lines, Consumer<String> ack) {
        for (String line : lines) {
            inputLines.add(line);
            String trimmed = line.trim();
            if (trimmed.equals("M115")) {
                ack.accept("ok FIRMWARE_NAME:Klipper FIRMWARE_VERSION:klipper4j-test");
                continue;
            }
            if (trimmed.startsWith("BAD")) {
                respondError("Unknown command:\"" + trimmed + "\"");
            } else if (!trimmed.isEmpty()) {
                respondInfo(trimmed);
            }
            ack.accept("ok");
        }
    }

    @Override
    public void runScript(String script) {
        scripts.add(script);
        for (String line : script.split("\n")) {
            if (line.startsWith("BAD")) {
                throw new CommandError("Unknown command:\"" + line + "\"");
            }
            respondInfo(line);
        }
    }

    @Override
    public void runScriptFromCommand(String script) {
        runScript(script);
    }

    @Override
    public void respondInfo(String message) {
        respondRaw("// " + message);
    }

    @Override
    public void respondError(String message) {
        respondRaw("!! " + message);
    }

    @Override
    public void respondRaw(String message) {
        for (Consumer<String> handler : List.copyOf(outputHandlers)) {
            handler.accept(message);
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

    public int outputHandlerCount() {
        return outputHandlers.size();
    }

    @Override
    public Map<String, String> getCommandHelp() {
        Map<String, String> help = new LinkedHashMap<>();
        help.put("G28", "Move to origin");
        help.put("HELP", "Report the list of available extended G-Code commands");
        return help;
    }

    @Override
    public boolean isRegistered(String name) {
        return getCommandHelp().containsKey(name);
    }

    @Override
    public GCodeCommand createCommand(String command, String commandline, Map<String, String> params) {
        throw new UnsupportedOperationException();
    }
}
