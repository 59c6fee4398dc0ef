/* klipper4j - a Klipper-compatible printer host. GPL-3.0-only. */
package org.klipper4j.core.internal.gcode;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.klipper4j.core.api.Bounds;
import org.klipper4j.core.api.ConfigException;
import org.klipper4j.core.api.PrinterState;
import org.klipper4j.core.api.gcode.CommandError;
import org.klipper4j.core.api.gcode.GCodeCommand;

@Timeout(value = 20, unit = TimeUnit.SECONDS)
class GCodeDispatcherTest {
    private FakePrinter printer;
    private GCodeDispatcher gcode;
    private final List<String> out = new ArrayList<>();
    private final List<String> acks = new ArrayList<>();
    private final List<Map<String, String>> seen = new ArrayList<>();

    @BeforeEach
    void setUp() {
        printer = new FakePrinter();
        gcode = new GCodeDispatcher(printer);
        printer.addObject("gcode", gcode);
        gcode.registerOutputHandler(out::add);
        gcode.registerCommand("SET_FOO", gcmd -> seen.add(gcmd.getCommandParameters()), "Set foo");
        gcode.registerCommand("M900", gcmd -> seen.add(gcmd.getCommandParameters()), null);
    }

    private void input(String... lines) {
        printer.runOnReactor(() -> gcode.processInput(List.of(lines), acks::add));
    }

    private void ready() {
        printer.becomeReady();
        out.clear();
    }

    @Test
    void extendedParametersKeepValueCaseAndHonourQuotes() {
        ready();
        input("set_foo key=Value MSG=\"hello world\" other='a b'");
        assertEquals(List.of(Map.of("KEY", "Value", "MSG", "hello world", "OTHER", "a b")), seen);
        assertEquals(List.of(), out);
        assertEquals(List.of("ok"), acks);
    }

    @Test
    void malformedExtendedCommandIsReported() {
        ready();
        input("SET_FOO KEY=\"abc", "SET_FOO LONELY");
        assertEquals(List.of("!! Malformed command 'SET_FOO KEY=\"abc'", "!! Malformed command 'SET_FOO LONELY'"), out);
        assertEquals(List.of("ok", "ok"), acks);
    }

    @Test
    void unknownCommandIsAnsweredAsKlipperDoes() {
        ready();
        input("FOO", "G4242 X1");
        assertEquals(List.of("// Unknown command:\"FOO\"", "// Unknown command:\"G4242\""), out);
        assertEquals(List.of("ok", "ok"), acks);
    }

    @Test
    void commandsWaitForReadyUnlessAllowedBefore() {
        input("M900 S1", "M105", "M115");
        assertEquals("!! Printer is not ready", out.get(0));
        assertEquals(List.of("ok", "ok T:0", "ok FIRMWARE_NAME:Klipper FIRMWARE_VERSION:klipper4j-0.1.0"), acks);
        assertTrue(seen.isEmpty());
    }

    @Test
    void multiLineStateMessageIsShownAsInfoThenError() {
        printer.stateMessage = "Printer is not ready\nThe klippy host software is attempting to connect.";
        input("STATUS");
        assertEquals(List.of("// Printer is not ready\n// The klippy host software is attempting to connect.\n"
                + "// Klipper state: Not ready", "!! Printer is not ready"), out);
    }

    @Test
    void typedGettersUseKlipperMessages() {
        ready();
        List<String> errors = new ArrayList<>();
        gcode.registerCommand("M901", gcmd -> {
            try {
                gcmd.getFloat("S");
            } catch (CommandError e) {
                errors.add(e.getMessage());
            }
            try {
                gcmd.getFloat("P", 1.0, Bounds.above(0.0));
            } catch (CommandError e) {
                errors.add(e.getMessage());
            }
            try {
                gcmd.getInt("T", 0, 0, 5);
            } catch (CommandError e) {
                errors.add(e.getMessage());
            }
            try {
                gcmd.getInt("Q");
            } catch (CommandError e) {
                errors.add(e.getMessage());
            }
        }, null);
        input("M901 S1.2.3 P0 T9 Q1.5", "M901 S1 P-1 T-1", "M901 Sabc");
        assertEquals(List.of(
                "Error on 'M901 S1.2.3 P0 T9 Q1.5': unable to parse 1.2.3",
                "Error on 'M901 S1.2.3 P0 T9 Q1.5': P must be above 0.0",
                "Error on 'M901 S1.2.3 P0 T9 Q1.5': T must have maximum of 5",
                "Error on 'M901 S1.2.3 P0 T9 Q1.5': unable to parse 1.5",
                "Error on 'M901 S1 P-1 T-1': P must be above 0.0",
                "Error on 'M901 S1 P-1 T-1': T must have minimum of 0",
                "Error on 'M901 S1 P-1 T-1': missing Q",
                // A letter run is one parameter name, so "Sabc" is parameter SABC and S is missing (as in Klipper).
                "Error on 'M901 Sabc': missing S",
                "Error on 'M901 Sabc': missing Q"), errors);
    }

    @Test
    void commandErrorIsReportedAndAcked() {
        ready();
        gcode.registerCommand("FAIL_ME", gcmd -> {
            throw gcmd.error("Something is wrong");
        }, null);
        input("FAIL_ME");
        assertEquals(List.of("!! Something is wrong"), out);
        assertEquals(List.of("ok"), acks);
        assertTrue(printer.events.contains(GCodeDispatcher.COMMAND_ERROR_EVENT));
    }

    @Test
    void internalErrorShutsThePrinterDown() {
        ready();
        gcode.registerCommand("BOOM", gcmd -> {
            throw new IllegalStateException("bug");
        }, null);
        input("BOOM");
        assertEquals(List.of("Internal error on command:\"BOOM\""), printer.shutdowns);
        assertTrue(out.contains("!! Internal error on command:\"BOOM\""));
        assertTrue(out.contains("// Klipper state: Shutdown"));
    }

    @Test
    void muxCommandsDispatchByKeyValue() {
        ready();
        List<String> calls = new ArrayList<>();
        gcode.registerMuxCommand("SET_LED", "LED", "a", gcmd -> calls.add("a"), "Set LED");
        gcode.registerMuxCommand("SET_LED", "LED", "b", gcmd -> calls.add("b " + gcmd.get("RED")), null);
        input("SET_LED LED=b RED=0.5", "SET_LED LED=c", "SET_LED");
        assertEquals(List.of("b 0.5"), calls);
        assertEquals(List.of("!! The value 'c' is not valid for LED", "!! Error on 'SET_LED': missing LED"), out);
        gcode.registerMuxCommand("SET_LED", "LED", null, gcmd -> calls.add("default"), null);
        input("SET_LED");
        assertEquals(List.of("b 0.5", "default"), calls);
    }

    @Test
    void muxRegistrationErrorsUseKlipperWording() {
        gcode.registerMuxCommand("SET_LED", "LED", "a", gcmd -> { }, null);
        ConfigException otherKey = assertThrows(ConfigException.class,
                () -> gcode.registerMuxCommand("SET_LED", "NAME", "x", gcmd -> { }, null));
        assertEquals("mux command SET_LED NAME x may have only one key (LED)", otherKey.getMessage());
        ConfigException again = assertThrows(ConfigException.class,
                () -> gcode.registerMuxCommand("SET_LED", "LED", "a", gcmd -> { }, null));
        assertTrue(again.getMessage().startsWith("mux command SET_LED LED a already registered"));
    }

    @Test
    void registrationRejectsDuplicatesAndBadNames() {
        assertEquals("gcode command SET_FOO already registered", assertThrows(ConfigException.class,
                () -> gcode.registerCommand("SET_FOO", gcmd -> { }, null)).getMessage());
        assertEquals("Can't register 'set_bar' as it is an invalid name", assertThrows(ConfigException.class,
                () -> gcode.registerCommand("set_bar", gcmd -> { }, null)).getMessage());
        assertEquals("Can't register 'A1B' as it is an invalid name", assertThrows(ConfigException.class,
                () -> gcode.registerCommand("A1B", gcmd -> { }, null)).getMessage());
        gcode.registerCommand("SET_FOO", null, null);
        assertTrue(!gcode.isRegistered("SET_FOO"));
        gcode.registerCommand("SET_FOO", gcmd -> { }, null);
        assertTrue(gcode.isRegistered("SET_FOO"));
    }

    @Test
    void rawParametersSkipLineNumberAndChecksum() {
        ready();
        List<String> raw = new ArrayList<>();
        gcode.unregisterCommand("M117");
        gcode.registerCommand("M117", gcmd -> raw.add(gcmd.getRawCommandParameters()), null);
        input("M117 Hello World", "N5 M117 hi there*12", "M117 123 go", "M117");
        assertEquals(List.of("Hello World", "hi there", "123 go", ""), raw);
    }

    @Test
    void m112ActsAtOnceWhileACommandWaits() {
        ready();
        List<String> trace = new ArrayList<>();
        gcode.registerCommand("WAIT_LONG", gcmd -> {
            trace.add("wait start");
            printer.reactor.pause(printer.reactor.monotonic() + 100);
            trace.add("wait end, shutdowns=" + printer.shutdowns.size());
        }, null);
        printer.runOnReactor(() -> {
            double t0 = printer.reactor.monotonic();
            printer.reactor.registerCallback(e -> {
                trace.add("more input");
                gcode.processInput(List.of("SET_FOO A=1", "M112"), acks::add);
                trace.add("shutdowns=" + printer.shutdowns);
            }, t0 + 1);
            gcode.processInput(List.of("WAIT_LONG"), acks::add);
        });
        assertEquals(List.of("wait start", "more input", "shutdowns=[Shutdown due to M112 command]",
                "wait end, shutdowns=1"), trace);
        // The queued SET_FOO then ran while shut down (not ready) and M112 ran again in order.
        assertEquals(List.of("ok", "ok", "ok"), acks);
        assertTrue(seen.isEmpty());
        assertEquals(PrinterState.SHUTDOWN, printer.state);
    }

    @Test
    void runScriptPropagatesErrorsAndStopsAtTheFailingLine() {
        ready();
        gcode.registerCommand("FAIL_ME", gcmd -> {
            throw gcmd.error("nope");
        }, null);
        CommandError[] thrown = new CommandError[1];
        printer.runOnReactor(() -> {
            try {
                gcode.runScript("SET_FOO A=1\nFAIL_ME\nSET_FOO A=2");
            } catch (CommandError e) {
                thrown[0] = e;
            }
        });
        assertEquals("nope", thrown[0].getMessage());
        assertEquals(List.of(Map.of("A", "1")), seen);
        assertEquals(List.of("!! nope"), out);
    }

    @Test
    void runScriptFromAnotherThreadWaitsForCompletion() throws Exception {
        ready();
        Thread loop = new Thread(printer.reactor::run);
        loop.start();
        gcode.runScript("SET_FOO A=1\nSET_FOO A=2");
        assertEquals(List.of(Map.of("A", "1"), Map.of("A", "2")), seen);
        CommandError e = assertThrows(CommandError.class, () -> gcode.runScript("SET_FOO X"));
        assertEquals("Malformed command 'SET_FOO X'", e.getMessage());
        printer.reactor.end();
        loop.join(5000);
    }

    @Test
    void helpListsActiveCommandsWithHelp() {
        input("HELP");
        assertEquals("// Printer is not ready - not all commands available.\n// Available extended commands:\n"
                + "// FIRMWARE_RESTART: Restart firmware, host, and reload config\n"
                + "// HELP      : Report the list of available extended G-Code commands\n"
                + "// RESTART   : Reload config file and restart host software\n"
                + "// STATUS    : Report the printer status", out.get(0));
        ready();
        input("HELP");
        assertTrue(out.get(0).contains("// SET_FOO   : Set foo"));
    }

    @Test
    void statusReportsReadyAndM112ShutsDown() {
        ready();
        input("STATUS");
        assertEquals(List.of("// Klipper state: Ready"), out);
        input("M112");
        assertTrue(printer.shutdowns.contains("Shutdown due to M112 command"));
    }

    @Test
    void echoRepeatsTheLineAndQuietCommandsStayQuiet() {
        ready();
        input("ECHO MSG=hello", "M104 S0", "M107", "M106 S0", "M21", "", "ECHO hello there");
        // ECHO is an extended command, so words without '=' are malformed, as in Klipper.
        assertEquals(List.of("// ECHO MSG=hello", "!! Malformed command 'ECHO hello there'"), out);
    }

    @Test
    void restartWaitsForMovesThenRequestsExit() {
        FakeToolhead toolhead = new FakeToolhead();
        printer.addObject("toolhead", toolhead);
        ready();
        input("FIRMWARE_RESTART");
        assertEquals(List.of("dwell 0.5", "waitMoves"), toolhead.log);
        assertEquals(List.of("firmware_restart"), printer.exits);
        assertTrue(printer.events.contains("gcode:request_restart"));
    }

    @Test
    void createCommandGivesADirectCommandWithoutAck() {
        GCodeCommand cmd = gcode.createCommand("G1", "G1 X5", Map.of("X", "5"));
        assertEquals(5.0, cmd.getFloat("X"));
        assertTrue(!cmd.ack(null));
        assertEquals("Error on 'G1 X5': missing Y", assertThrows(CommandError.class, () -> cmd.get("Y")).getMessage());
    }

    @Test
    void statusListsCommands() {
        ready();
        @SuppressWarnings("unchecked")
        Map<String, Object> commands = (Map<String, Object>) gcode.getStatus(0).get("commands");
        assertEquals(Map.of("help", "Set foo"), commands.get("SET_FOO"));
        assertEquals(Map.of(), commands.get("M900"));
    }
}
