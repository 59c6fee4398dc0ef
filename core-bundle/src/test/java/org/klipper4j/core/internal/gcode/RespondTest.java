/* klipper4j - a Klipper-compatible printer host. GPL-3.0-only. */
package org.klipper4j.core.internal.gcode;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(value = 20, unit = TimeUnit.SECONDS)
class RespondTest {
    private final FakePrinter printer = new FakePrinter();
    private final GCodeDispatcher gcode = new GCodeDispatcher(printer);
    private final List<String> out = new ArrayList<>();

    private void setUp(Map<String, String> options) {
        printer.addObject("gcode", gcode);
        gcode.registerOutputHandler(out::add);
        new Respond(new FakeConfig("respond", printer, options));
        printer.becomeReady();
        out.clear();
    }

    private void input(String... lines) {
        printer.runOnReactor(() -> gcode.processInput(List.of(lines), ack -> { }));
    }

    @Test
    void defaultTypeIsEcho() {
        setUp(Map.of());
        input("M118 Hello World", "M118 123 go", "RESPOND MSG=\"hi there\"", "RESPOND TYPE=command MSG=x",
                "RESPOND TYPE=error MSG=bad", "RESPOND TYPE=echo_no_space MSG=tight", "RESPOND PREFIX=>> MSG=y");
        assertEquals(List.of("echo: Hello World", "echo: 123 go", "echo: hi there", "// x", "!! bad", "echo:tight",
                ">> y"), out);
    }

    @Test
    void configuredPrefixAndBadType() {
        setUp(Map.of("default_type", "command", "default_prefix", "info:"));
        input("M118 a", "RESPOND TYPE=Loud MSG=z");
        assertEquals(List.of("info: a",
                "!! RESPOND TYPE 'loud' is invalid. Must be one of 'echo', 'command', or 'error'"), out);
    }

    @Test
    void numericM118TextNeedsAReadyPrinter() {
        setUp(Map.of());
        printer.state = org.klipper4j.core.api.PrinterState.STARTUP;
        printer.stateMessage = "Printer is not ready";
        input("M118 plain", "M118 123 go");
        // "M118 123" parses as one word and goes through the fallback, which waits for ready (as in Klipper).
        assertEquals(List.of("echo: plain", "!! Printer is not ready"), out);
    }

    @Test
    void typeWithoutPrefixUsesTheTypesPrefix() {
        setUp(Map.of("default_type", "error"));
        input("M118 oops");
        assertEquals(List.of("!! oops"), out);
    }
}
