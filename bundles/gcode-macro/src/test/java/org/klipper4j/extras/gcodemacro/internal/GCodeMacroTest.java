/* klipper4j - a Klipper-compatible printer host. GPL-3.0-only. */
package org.klipper4j.extras.gcodemacro.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.klipper4j.core.api.ConfigException;
import org.klipper4j.core.api.PrinterEvents;
import org.klipper4j.testkit.FakeConfig;
import org.klipper4j.testkit.FakeGCode;
import org.klipper4j.testkit.FakePrinter;

/** {@code [gcode_macro NAME]}: commands, parameters, variables, renames and Klipper's errors. */
class GCodeMacroTest {

    private FakePrinter printer;
    private FakeGCode gcode;
    private final GCodeMacroModule module = new GCodeMacroModule();

    @BeforeEach
    void setUp() {
        printer = new FakePrinter();
        gcode = new FakeGCode();
        printer.addObject("gcode", gcode);
        printer.addModule("gcode_macro", module);
    }

    private GCodeMacro macro(String name, String... options) {
        FakeConfig config = FakeConfig.of(printer, "gcode_macro " + name, options);
        GCodeMacro macro = (GCodeMacro) module.load(config);
        printer.addObject(config.getName(), macro);
        assertEquals(List.of(), config.unused(), "every option is read");
        return macro;
    }

    @Test
    void theBareSectionIsTheTemplateEngine() {
        Object engine = printer.loadObject(FakeConfig.of(printer, "printer"), "gcode_macro");
        assertTrue(engine instanceof MacroTemplateEngine);
    }

    @Test
    void extendedParametersReachTheTemplate() {
        macro("go", "gcode", "G1 X{params.X|default(5)} F{params.SPEED|default(100)|float * 60}\n{rawparams}");
        assertNull(gcode.run("GO X=3 SPEED=2"));
        assertEquals(List.of("GO X=3 SPEED=2", "G1 X3 F120.0", "X=3 SPEED=2"), gcode.executed);
    }

    @Test
    void traditionalParametersReachTheTemplate() {
        macro("M900", "gcode", "SET_PRESSURE_ADVANCE ADVANCE={params.K}");
        assertNull(gcode.run("M900 K0.05"));
        assertEquals("SET_PRESSURE_ADVANCE ADVANCE=0.05", gcode.executed.get(1));
    }

    @Test
    void variablesAreInTheContextAndTheStatus() {
        GCodeMacro m = macro("TEST", "variable_t", "12.0", "variable_names", "['a', \"b\"]",
                "variable_opts", "{'k': (1, 2), 'on': True, 'none': None}", "gcode",
                "{ t + 1 } { names[1] } { opts.k[1] } { opts.on } { printer['gcode_macro TEST'].t }");
        assertEquals(java.util.Set.of("t", "names", "opts"), m.getStatus(0).keySet());
        assertEquals(12.0, m.getStatus(0).get("t"));
        assertEquals(List.of("a", "b"), m.getStatus(0).get("names"));
        assertNull(gcode.run("TEST"));
        assertEquals("13.0 b 2 True 12.0", gcode.executed.get(1));
    }

    @Test
    void setGCodeVariableParsesAPythonLiteral() {
        GCodeMacro m = macro("TEST", "variable_t", "12.0", "gcode", "M117 {t}");
        assertNull(gcode.run("SET_GCODE_VARIABLE MACRO=TEST VARIABLE=t VALUE=17"));
        assertEquals(17L, m.getStatus(0).get("t"));
        assertNull(gcode.run("TEST"));
        assertEquals("M117 17", gcode.executed.get(gcode.executed.size() - 1));
        assertNull(gcode.run("SET_GCODE_VARIABLE MACRO=TEST VARIABLE=t VALUE=[1,2]"));
        assertEquals(List.of(1L, 2L), m.getStatus(0).get("t"));
    }

    @Test
    void setGCodeVariableRejectsUnknownVariablesAndBadLiterals() {
        macro("TEST", "variable_t", "1", "gcode", "M117");
        assertEquals("Unknown gcode_macro variable 'zz'",
                gcode.run("SET_GCODE_VARIABLE MACRO=TEST VARIABLE=zz VALUE=1"));
        String error = gcode.run("SET_GCODE_VARIABLE MACRO=TEST VARIABLE=t VALUE=abc");
        assertTrue(error.startsWith("Unable to parse 'abc' as a literal: "), error);
        assertTrue(error.endsWith(" in 'SET_GCODE_VARIABLE MACRO=TEST VARIABLE=t VALUE=abc'"), error);
        assertEquals("The value 'NOPE' is not valid for MACRO",
                gcode.run("SET_GCODE_VARIABLE MACRO=NOPE VARIABLE=t VALUE=1"));
    }

    @Test
    void aMacroMayNotCallItself() {
        macro("rec", "gcode", "M117 once\nREC");
        assertEquals("Macro REC called recursively", gcode.run("REC"));
        assertEquals("!! Macro REC called recursively", gcode.output.get(0));
        assertEquals(List.of("REC", "M117 once", "REC"), gcode.executed);
    }

    @Test
    void renameExistingMovesTheBuiltinToTheNewName() {
        List<String> builtin = new ArrayList<>();
        gcode.registerCommand("G28", cmd -> builtin.add(cmd.getCommandline()), "Home");
        macro("G28", "rename_existing", "G928", "description", "Home, then wait", "gcode",
                "G928 {rawparams}\nM400");
        printer.sendEvent(PrinterEvents.CONNECT);
        assertNull(gcode.run("G28 X"));
        assertEquals(List.of("G928 X"), builtin);
        assertEquals(List.of("G28 X", "G928 X", "M400"), gcode.executed);
        assertEquals("Renamed builtin of 'G28'", gcode.getCommandHelp().get("G928"));
        assertEquals("Home, then wait", gcode.getCommandHelp().get("G28"));
    }

    @Test
    void renameExistingNeedsTheSameKindOfName() {
        ConfigException e = assertThrows(ConfigException.class,
                () -> macro("G28", "rename_existing", "BASE_G28", "gcode", "M400"));
        assertEquals("G-Code macro rename of different types ('G28' vs 'BASE_G28')", e.getMessage());
    }

    @Test
    void renameExistingNeedsAnExistingCommand() {
        macro("G29", "rename_existing", "G929", "gcode", "M400");
        ConfigException e = assertThrows(ConfigException.class, () -> printer.sendEvent(PrinterEvents.CONNECT));
        assertEquals("Existing command 'G29' not found in gcode_macro rename", e.getMessage());
    }

    @Test
    void descriptionIsTheHelpText() {
        macro("a", "gcode", "M400");
        macro("b", "description", "Does b", "gcode", "M400");
        assertEquals("G-Code macro", gcode.getCommandHelp().get("A"));
        assertEquals("Does b", gcode.getCommandHelp().get("B"));
    }

    @Test
    void sectionNamesWithTwoWordsAreRejected() {
        ConfigException e = assertThrows(ConfigException.class, () -> macro("two words", "gcode", "M400"));
        assertEquals("Name of section 'gcode_macro two words' contains illegal whitespace", e.getMessage());
    }

    @Test
    void badVariableLiteralIsAConfigError() {
        ConfigException e = assertThrows(ConfigException.class,
                () -> macro("v", "variable_x", "[1, 2", "gcode", "M400"));
        assertTrue(e.getMessage().startsWith("Option 'variable_x' in section 'gcode_macro v' is not a valid literal: "),
                e.getMessage());
    }

    @Test
    void templateErrorsAnswerWithKlippersPrefix() {
        macro("boom", "gcode", "{ action_raise_error('no filament') }");
        assertEquals("Error evaluating 'gcode_macro boom:gcode': gcode.CommandError: no filament", gcode.run("BOOM"));
    }

    @Test
    void traditionalNamesFollowKlippersRule() {
        assertTrue(GCodeMacro.isTraditional("G28"));
        assertTrue(GCodeMacro.isTraditional("m104.1"));
        assertEquals(false, GCodeMacro.isTraditional("G28X"));
        assertEquals(false, GCodeMacro.isTraditional("BASE_G28"));
        assertEquals(false, GCodeMacro.isTraditional("G"));
    }
}
