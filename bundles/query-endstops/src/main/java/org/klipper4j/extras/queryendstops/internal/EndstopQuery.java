/* klipper4j - a Klipper-compatible printer host. GPL-3.0-only. */
package org.klipper4j.extras.queryendstops.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;
import org.klipper4j.core.api.ConfigSection;
import org.klipper4j.core.api.Printer;
import org.klipper4j.core.api.StatusProvider;
import org.klipper4j.core.api.gcode.GCodeCommand;
import org.klipper4j.core.api.gcode.GCodeDispatch;
import org.klipper4j.core.api.mcu.McuEndstop;
import org.klipper4j.core.api.motion.QueryEndstops;
import org.klipper4j.core.api.motion.Toolhead;
import org.klipper4j.core.api.webhooks.WebRequest;
import org.klipper4j.core.api.webhooks.Webhooks;

/** Reports every registered endstop as open or TRIGGERED (QUERY_ENDSTOPS, M119, the API). */
public final class EndstopQuery implements QueryEndstops, StatusProvider {
    private record Entry(McuEndstop endstop, String name) {
    }

    private final Printer printer;
    private final List<Entry> endstops = new ArrayList<>();
    private Map<String, Integer> lastState = new LinkedHashMap<>();

    public EndstopQuery(ConfigSection config) {
        printer = config.getPrinter();
        printer.findObject("webhooks", Webhooks.class)
                .ifPresent(w -> w.registerEndpoint("query_endstops/status", this::handleWebRequest));
        GCodeDispatch gcode = printer.lookupObject("gcode", GCodeDispatch.class);
        gcode.registerCommand("QUERY_ENDSTOPS", this::cmdQueryEndstops, "Report on the status of each endstop");
        gcode.registerCommand("M119", this::cmdQueryEndstops, null);
    }

    @Override
    public void registerEndstop(McuEndstop endstop, String name) {
        endstops.add(new Entry(endstop, name));
    }

    /** Reads every endstop at the end of the queued moves; 1 is triggered. */
    private void queryAll() {
        double printTime = printer.lookupObject("toolhead", Toolhead.class).getLastMoveTime();
        Map<String, Integer> state = new LinkedHashMap<>();
        for (Entry e : endstops) {
            state.put(e.name(), e.endstop().queryEndstop(printTime) ? 1 : 0);
        }
        lastState = state;
    }

    private static String describe(int triggered) {
        return triggered != 0 ? "TRIGGERED" : "open";
    }

    void cmdQueryEndstops(GCodeCommand gcmd) {
        queryAll();
        StringJoiner msg = new StringJoiner(" ");
        lastState.forEach((name, t) -> msg.add(name + ":" + describe(t)));
        gcmd.respondRaw(msg.toString());
    }

    private void handleWebRequest(WebRequest request) {
        queryAll();
        Map<String, Object> result = new LinkedHashMap<>();
        lastState.forEach((name, t) -> result.put(name, describe(t)));
        request.send(result);
    }

    @Override
    public Map<String, Object> getStatus(double eventtime) {
        return Map.of("last_query", new LinkedHashMap<>(lastState));
    }
}
