/* klipper4j - a Klipper-compatible printer host. GPL-3.0-only. */
package org.klipper4j.core.internal.host;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import org.klipper4j.core.api.PrinterHost;
import org.klipper4j.core.api.PrinterState;
import org.klipper4j.core.api.StatusProvider;
import org.klipper4j.core.api.gcode.GCodeDispatch;

/** {@link PrinterHost} over the host loop: each call runs on the current printer's reactor. */
final class PrinterHostService implements PrinterHost {
    private static final long SCRIPT_TIMEOUT_S = 3600;
    private static final long QUERY_TIMEOUT_S = 30;

    private final HostLoop loop;

    PrinterHostService(HostLoop loop) {
        this.loop = loop;
    }

    @Override
    public PrinterState getState() {
        HostLoop.Current c = loop.current();
        return c == null ? PrinterState.STARTUP : c.printer().getState();
    }

    @Override
    public String getStateMessage() {
        HostLoop.Current c = loop.current();
        return c == null ? StateMessages.STARTUP : c.printer().getStateMessage();
    }

    @Override
    public List<String> runGCode(String script) {
        return loop.onReactor(printer -> {
            GCodeDispatch gcode = HostLoop.gcode(printer);
            List<String> lines = Collections.synchronizedList(new ArrayList<>());
            Consumer<String> collector = lines::add;
            gcode.registerOutputHandler(collector);
            try {
                gcode.runScript(script);
            } finally {
                gcode.unregisterOutputHandler(collector);
            }
            return List.copyOf(lines);
        }, SCRIPT_TIMEOUT_S);
    }

    @Override
    public Map<String, Object> queryStatus(String objectName, List<String> fields) {
        return loop.onReactor(printer -> {
            Map<String, Object> status = HostLoop.status(printer, objectName);
            if (status == null) {
                return Map.<String, Object>of();
            }
            if (fields == null) {
                return new LinkedHashMap<>(status);
            }
            Map<String, Object> picked = new LinkedHashMap<>();
            for (String f : fields) {
                if (status.containsKey(f)) {
                    picked.put(f, status.get(f));
                }
            }
            return picked;
        }, QUERY_TIMEOUT_S);
    }

    @Override
    public List<String> objectNames() {
        return loop.onReactor(printer -> printer.lookupObjects(null).stream()
                .filter(e -> e.getValue() instanceof StatusProvider).map(Map.Entry::getKey).toList(), QUERY_TIMEOUT_S);
    }

    @Override
    public void restart() {
        loop.onReactor(printer -> {
            printer.requestExit("restart");
            return null;
        }, QUERY_TIMEOUT_S);
    }
}
