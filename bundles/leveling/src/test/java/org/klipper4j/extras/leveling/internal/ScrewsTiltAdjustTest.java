/* klipper4j - a Klipper-compatible printer host. GPL-3.0-only. */
package org.klipper4j.extras.leveling.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.klipper4j.core.api.ConfigException;
import org.klipper4j.core.api.gcode.CommandError;
import org.klipper4j.testkit.FakeConfig;
import org.klipper4j.testkit.FakeGCode;
import org.klipper4j.testkit.FakePrinter;

class ScrewsTiltAdjustTest {
    private final FakePrinter printer = new FakePrinter();
    private final FakeGCode gcode = new FakeGCode();
    private ScrewsTiltAdjust tool;

    private static final List<double[]> PROBED = List.of(new double[] {10, 30, 2.5}, new double[] {155, 30, 2.6},
            new double[] {155, 190, 2.2}, new double[] {10, 190, 2.5004});

    @BeforeEach
    void setUp() {
        printer.addObject("gcode", gcode);
        tool = new ScrewsTiltAdjust(FakeConfig.of(printer, "screws_tilt_adjust", "screw1", "10,30", "screw1_name",
                "front left screw", "screw2", "155,30", "screw3", "155,190", "screw4", "10,190"));
    }

    @Test
    void reportsTurnsAgainstTheFirstScrewInKlippersWords() {
        tool.probeFinalize(new double[3], PROBED);
        assertEquals(List.of("// 01:20 means 1 full turn and 20 minutes, CW=clockwise, CCW=counter-clockwise",
                "// front left screw (base) : x=10.0, y=30.0, z=2.50000",
                // 0.1 mm lower at 0.5 mm per turn (M3): a fifth of a turn, 12 minutes
                "// screw at 155.000,30.000 : x=155.0, y=30.0, z=2.60000 : adjust CCW 00:12",
                // 0.3 mm higher: 0.6 turn, 36 minutes
                "// screw at 155.000,190.000 : x=155.0, y=190.0, z=2.20000 : adjust CW 00:36",
                // under 0.001 mm counts as level
                "// screw at 10.000,190.000 : x=10.0, y=190.0, z=2.50040 : adjust CW 00:00"), gcode.output);
        @SuppressWarnings("unchecked")
        Map<String, Object> results = (Map<String, Object>) tool.getStatus(0).get("results");
        assertEquals(Map.of("z", 2.6, "sign", "CCW", "adjust", "00:12", "is_base", false), results.get("screw2"));
        assertEquals(true, ((Map<?, ?>) results.get("screw1")).get("is_base"));
    }

    @Test
    void aScrewBeyondMaxDeviationIsAnError() {
        assertThrows(CommandError.class, () -> {
            setMaxDeviation(0.2);
            tool.probeFinalize(new double[3], PROBED);
        });
        assertEquals(true, tool.getStatus(0).get("error"));
    }

    private void setMaxDeviation(double value) throws ReflectiveOperationException {
        java.lang.reflect.Field f = ScrewsTiltAdjust.class.getDeclaredField("maxDiff");
        f.setAccessible(true);
        f.set(tool, value);
    }

    @Test
    void fewerThanThreeScrewsIsAConfigError() {
        ConfigException e = assertThrows(ConfigException.class, () -> new ScrewsTiltAdjust(FakeConfig.of(printer,
                "screws_tilt_adjust", "screw1", "10,30", "screw2", "155,30")));
        assertTrue(e.getMessage().contains("Must have at least three screws"), e.getMessage());
    }
}
