/* klipper4j - a Klipper-compatible printer host. GPL-3.0-only. */
package org.klipper4j.extras.greeter;

import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.klipper4j.core.api.ConfigSection;
import org.klipper4j.core.api.Printer;
import org.klipper4j.core.api.gcode.GCodeCommand;
import org.klipper4j.core.api.gcode.GCodeDispatch;
import org.klipper4j.core.api.gcode.GCodeHandler;

/**
 * Just enough of the core for the greeter: a G-code dispatcher that records
 * registered handlers and responses, a printer that knows only "gcode", and a
 * config section backed by a map. Built from dynamic proxies, so the tests do
 * not depend on the core's implementation.
 */
final class FakeGCode {

    final Map<String, GCodeHandler> handlers = new HashMap<>();
    final List<String> responses = new ArrayList<>();
    final GCodeDispatch dispatch = proxy(GCodeDispatch.class, (method, args) -> {
        if (method.equals("registerCommand")) {
            String name = (String) args[0];
            if (handlers.containsKey(name)) {
                throw new IllegalStateException("gcode command " + name + " already registered");
            }
            handlers.put(name, (GCodeHandler) args[1]);
            return null;
        }
        throw new UnsupportedOperationException(method);
    });
    final Printer printer = proxy(Printer.class, (method, args) -> {
        if (method.equals("lookupObject") && "gcode".equals(args[0])) {
            return dispatch;
        }
        throw new UnsupportedOperationException(method + " " + args[0]);
    });

    ConfigSection section(String name, Map<String, String> options) {
        return proxy(ConfigSection.class, (method, args) -> switch (method) {
            case "getName" -> name;
            case "getPrinter" -> printer;
            case "get" -> options.getOrDefault((String) args[0], args.length > 1 ? (String) args[1] : null);
            default -> throw new UnsupportedOperationException(method);
        });
    }

    /** Runs a registered command as the dispatcher would for {@code NAME PARAM=value ...}. */
    void run(String line) throws Exception {
        String[] words = line.trim().split("\\s+");
        Map<String, String> params = new HashMap<>();
        for (int i = 1; i < words.length; i++) {
            String[] kv = words[i].split("=", 2);
            params.put(kv[0].toUpperCase(), kv.length > 1 ? kv[1] : "");
        }
        GCodeHandler handler = handlers.get(words[0].toUpperCase());
        if (handler == null) {
            throw new IllegalStateException("Unknown command:\"" + words[0] + "\"");
        }
        handler.handle(command(params));
    }

    private GCodeCommand command(Map<String, String> params) {
        return proxy(GCodeCommand.class, (method, args) -> switch (method) {
            case "get" -> params.getOrDefault((String) args[0], args.length > 1 ? (String) args[1] : null);
            case "respondInfo" -> responses.add("// " + args[0]);
            default -> throw new UnsupportedOperationException(method);
        });
    }

    @FunctionalInterface
    private interface Answer {
        Object apply(String method, Object[] args);
    }

    private static <T> T proxy(Class<T> type, Answer answer) {
        Object p = Proxy.newProxyInstance(FakeGCode.class.getClassLoader(), new Class<?>[] {type},
                (self, method, args) -> answer.apply(method.getName(), args == null ? new Object[0] : args));
        return type.cast(p);
    }
}
