/* klipper4j - a Klipper-compatible printer host. GPL-3.0-only. */
package org.klipper4j.extras.probe.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.klipper4j.core.api.gcode.CommandError;
import org.klipper4j.extras.probe.api.ManualProbeHelper;
import org.klipper4j.testkit.FakeConfig;
import org.klipper4j.testkit.FakeGCode;
import org.klipper4j.testkit.FakePrinter;

class ManualProbeHelperTest {
    private final FakePrinter printer = new FakePrinter();
    private final FakeGCode gcode = new FakeGCode();
    private final MovesToolhead toolhead = new MovesToolhead();
    private final List<double[]> results = new ArrayList<>();
    private ManualProbeObject manualProbe;

    @BeforeEach
    void setUp() {
        printer.addObject("gcode", gcode);
        printer.addObject("toolhead", toolhead);
        manualProbe = new ManualProbeObject(FakeConfig.of(printer, "manual_probe"));
        printer.addObject("manual_probe", manualProbe);
        toolhead.position = new double[] {10., 20., 5., 0.};
    }

    private void start() {
        new ManualProbeHelper(printer, gcode.createCommand("", "", Map.of()), results::add);
    }

    @Test
    void testzMovesAboveThenDownAndReportsTheBracket() {
        start();
        assertEquals("// Z position: ?????? --> 5.000 <-- ??????", gcode.output.get(gcode.output.size() - 1));
        gcode.run("TESTZ Z=-.2");
        // down moves approach from 0.5 mm above
        assertEquals("[10.0, 20.0, 5.3, 0.0]@5.0", toolhead.moves.get(0).toString());
        assertEquals("[10.0, 20.0, 4.8, 0.0]@5.0", toolhead.moves.get(1).toString());
        assertEquals("// Z position: ?????? --> 4.800 <-- 5.000", gcode.output.get(gcode.output.size() - 1));
        gcode.run("TESTZ Z=+");
        // half way back to the last height tried above
        assertEquals(4.9, toolhead.position[2], 1e-9);
        assertEquals(true, manualProbe.getStatus(0).get("is_active"));
        assertEquals(4.8, (Double) manualProbe.getStatus(0).get("z_position_lower"), 1e-9);
    }

    @Test
    void acceptHandsTheHeightToTheCallback() {
        start();
        gcode.run("TESTZ Z=-1");
        gcode.run("ACCEPT");
        assertEquals(1, results.size());
        assertArrayEquals(new double[] {10., 20., 4.}, results.get(0), 1e-9);
        assertFalse(gcode.isRegistered("TESTZ"));
        assertEquals(false, manualProbe.getStatus(0).get("is_active"));
    }

    @Test
    void acceptWithoutGoingDownFailsAndAbortGivesNoHeight() {
        start();
        gcode.run("ACCEPT");
        assertTrue(gcode.output.contains("// Manual probe failed! Use TESTZ commands to position the"));
        start();
        gcode.run("ABORT");
        assertEquals(2, results.size());
        assertNull(results.get(0));
        assertNull(results.get(1));
    }

    @Test
    void onlyOneManualProbeAtATime() {
        start();
        CommandError e = assertThrows(CommandError.class, this::start);
        assertEquals("Already in a manual Z probe. Use ABORT to abort it.", e.getMessage());
    }
}
