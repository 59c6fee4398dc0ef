/* klipper4j - a Klipper-compatible printer host. GPL-3.0-only. */
package org.klipper4j.extras.gcodemacro.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.klipper4j.core.api.PrinterHost;
import org.klipper4j.core.api.PrinterState;
import org.klipper4j.testkit.HostHarness;

/** Macros on the core's real host: config parser, G-code dispatcher, builtins and status queries. */
class MacrosOnHostTest {

    @TempDir
    Path dir;

    private final HostHarness harness = new HostHarness();

    @AfterEach
    void stop() {
        harness.close();
    }

    private PrinterHost start(String cfg) throws Exception {
        return harness.prefixModule("gcode_macro", new GCodeMacroModule())
                .prefixModule("delayed_gcode", new DelayedGCodeModule())
                .module("save_variables", new SaveVariablesModule())
                .start(dir, cfg);
    }

    @Test
    void macrosRunWithParametersVariablesAndRenamedBuiltins() throws Exception {
        PrinterHost host = start("""
                [gcode_macro hello]
                description: Say hello
                variable_count: 0
                gcode:
                  {action_respond_info("Hello %s" % params.WHO|default("world"))}
                  SET_GCODE_VARIABLE MACRO=hello VARIABLE=count VALUE={printer["gcode_macro hello"].count + 1}

                [gcode_macro M117]
                rename_existing: M117.1
                gcode:
                  M117.1 [{rawparams}]
                  { action_respond_info('display: ' ~ ('yes' if 'display_status' in printer else 'no')) }
                """);
        assertEquals(PrinterState.READY, host.getState(), host.getStateMessage());
        List<String> out = host.runGCode("HELLO WHO=you\nhello");
        assertTrue(out.contains("// Hello you"), out.toString());
        assertTrue(out.contains("// Hello world"), out.toString());
        assertEquals(2L, host.queryStatus("gcode_macro hello", null).get("count"));
        List<String> help = host.runGCode("HELP");
        assertTrue(help.stream().anyMatch(l -> l.contains("HELLO") && l.contains("Say hello")), help.toString());
        assertTrue(help.stream().anyMatch(l -> l.contains("M117.1") && l.contains("Renamed builtin of 'M117'")),
                help.toString());
        List<String> m117 = host.runGCode("M117 abc");
        assertTrue(m117.stream().noneMatch(l -> l.startsWith("!!")), m117.toString());
        assertTrue(m117.contains("// display: no"), m117.toString());
    }

    @Test
    void aTemplateSyntaxErrorStopsTheStartWithKlippersMessage() throws Exception {
        PrinterHost host = start("""
                [gcode_macro broken]
                gcode:
                  G28
                  {% if 1 %}
                """);
        assertEquals(PrinterState.ERROR, host.getState());
        assertTrue(host.getStateMessage().contains("Error loading template 'gcode_macro broken:gcode'"),
                host.getStateMessage());
    }

    @Test
    void unknownOptionsAreReported() throws Exception {
        PrinterHost host = start("""
                [gcode_macro x]
                gcode: M400
                variabel_y: 1
                """);
        assertTrue(host.getStateMessage().contains("Option 'variabel_y' is not valid in section 'gcode_macro x'"),
                host.getStateMessage());
    }
}
