/* klipper4j - a Klipper-compatible printer host. GPL-3.0-only. */
package org.klipper4j.extras.gcodemacro.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.klipper4j.core.api.ConfigException;
import org.klipper4j.testkit.FakeConfig;
import org.klipper4j.testkit.FakeGCode;
import org.klipper4j.testkit.FakePrinter;

/** {@code [save_variables]}: Klipper's file format, SAVE_VARIABLE and the status. */
class SaveVariablesTest {

    @TempDir
    Path dir;
    private FakePrinter printer;
    private FakeGCode gcode;

    @BeforeEach
    void setUp() {
        printer = new FakePrinter();
        gcode = new FakeGCode();
        printer.addObject("gcode", gcode);
    }

    private SaveVariables load(Path file) {
        return new SaveVariables(FakeConfig.of(printer, "save_variables", "filename", file.toString()));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> variables(SaveVariables sv) {
        return (Map<String, Object>) sv.getStatus(0).get("variables");
    }

    @Test
    void aMissingFileIsCreatedEmpty() throws Exception {
        Path file = dir.resolve("vars.cfg");
        SaveVariables sv = load(file);
        assertEquals(Map.of(), variables(sv));
        assertEquals("", Files.readString(file));
    }

    @Test
    void saveVariableWritesSortedPythonReprsInAVariablesSection() throws Exception {
        Path file = dir.resolve("vars.cfg");
        SaveVariables sv = load(file);
        assertNull(gcode.run("SAVE_VARIABLE VARIABLE=zeta VALUE=12.5"));
        assertNull(gcode.run("SAVE_VARIABLE VARIABLE=alpha VALUE=\"'abc'\""));
        assertNull(gcode.run("SAVE_VARIABLE VARIABLE=list VALUE=[1,True,None]"));
        assertEquals("[Variables]\nalpha = 'abc'\nlist = [1, True, None]\nzeta = 12.5\n\n", Files.readString(file));
        assertEquals(Map.of("alpha", "abc", "zeta", 12.5), Map.of("alpha", variables(sv).get("alpha"), "zeta",
                variables(sv).get("zeta")));
        assertEquals(java.util.Arrays.asList(1L, true, null), variables(sv).get("list"));
    }

    @Test
    void anExistingFileIsRead() throws Exception {
        Path file = dir.resolve("vars.cfg");
        Files.writeString(file, "[Variables]\nnozzle = 0.4\nName: 'x'\n\n");
        SaveVariables sv = load(file);
        assertEquals(Map.of("nozzle", 0.4, "name", "x"), variables(sv));
    }

    @Test
    void anUnreadableFileIsAConfigError() throws Exception {
        Path file = dir.resolve("vars.cfg");
        Files.writeString(file, "[Variables]\nx = not a literal\n");
        ConfigException e = assertThrows(ConfigException.class, () -> load(file));
        assertEquals("Unable to parse existing variable file", e.getMessage());
    }

    @Test
    void badInputGetsKlippersErrors() {
        load(dir.resolve("vars.cfg"));
        assertEquals("VARIABLE must not contain upper case", gcode.run("SAVE_VARIABLE VARIABLE=Abc VALUE=1"));
        assertEquals("Unable to parse 'abc' as a literal", gcode.run("SAVE_VARIABLE VARIABLE=x VALUE=abc"));
        assertEquals(List.of("!! VARIABLE must not contain upper case", "!! Unable to parse 'abc' as a literal"),
                gcode.output);
    }
}
