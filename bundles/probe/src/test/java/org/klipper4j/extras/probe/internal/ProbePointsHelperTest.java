/* klipper4j - a Klipper-compatible printer host. GPL-3.0-only. */
package org.klipper4j.extras.probe.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.klipper4j.core.api.ConfigException;
import org.klipper4j.core.api.gcode.GCodeCommand;
import org.klipper4j.extras.probe.api.Probe;
import org.klipper4j.extras.probe.api.ProbeParams;
import org.klipper4j.extras.probe.api.ProbePointsHelper;
import org.klipper4j.extras.probe.api.ProbeSession;
import org.klipper4j.testkit.FakeConfig;
import org.klipper4j.testkit.FakeGCode;
import org.klipper4j.testkit.FakePrinter;

class ProbePointsHelperTest {
    private final FakePrinter printer = new FakePrinter();
    private final FakeGCode gcode = new FakeGCode();
    private final MovesToolhead toolhead = new MovesToolhead();
    private final List<String> events = new ArrayList<>();
    private final List<List<double[]>> finished = new ArrayList<>();
    private int retries;

    /** A probe that "measures" z = x / 100 where the toolhead is. */
    private final class PointProbe implements Probe, ProbeSession {
        private final List<double[]> results = new ArrayList<>();

        @Override
        public ProbeParams getProbeParams(GCodeCommand gcmd) {
            return new ProbeParams(5., 10., 1, 2., 0.1, 0, "average");
        }

        @Override
        public double[] getOffsets() {
            return new double[] {1., 2., 0.5};
        }

        @Override
        public ProbeSession startProbeSession(GCodeCommand gcmd) {
            events.add("start");
            return this;
        }

        @Override
        public void runProbe(GCodeCommand gcmd) {
            double[] p = toolhead.getPosition();
            events.add("probe " + p[0] + "," + p[1]);
            results.add(new double[] {p[0], p[1], p[0] / 100.});
        }

        @Override
        public List<double[]> pullProbedResults() {
            List<double[]> r = new ArrayList<>(results);
            results.clear();
            return r;
        }

        @Override
        public void endProbeSession() {
            events.add("end");
        }
    }

    @BeforeEach
    void setUp() {
        printer.addObject("gcode", gcode);
        printer.addObject("toolhead", toolhead);
        toolhead.position = new double[] {0., 0., 2., 0.};
    }

    private ProbePointsHelper helper() {
        return new ProbePointsHelper(FakeConfig.of(printer, "z_tilt", "points", "\n10,20\n30,40"),
                (offsets, positions) -> {
                    finished.add(positions);
                    return retries-- > 0;
                }, null);
    }

    @Test
    void probesEachPointFromTheHorizontalMoveHeight() {
        printer.addObject(Probe.NAME, new PointProbe());
        helper().startProbe(gcode.createCommand("", "", Map.of()));
        assertEquals(List.of("start", "probe 10.0,20.0", "probe 30.0,40.0", "end"), events);
        assertEquals(List.of("[0.0, 0.0, 5.0, 0.0]@50.0", "[10.0, 20.0, 5.0, 0.0]@50.0",
                "[10.0, 20.0, 5.0, 0.0]@10.0", "[30.0, 40.0, 5.0, 0.0]@50.0", "[30.0, 40.0, 5.0, 0.0]@10.0"),
                toolhead.moves.stream().map(Object::toString).toList());
        assertEquals(1, finished.size());
        assertArrayEquals(new double[] {30., 40., 0.3}, finished.get(0).get(1), 1e-12);
    }

    @Test
    void aRetryProbesEveryPointAgain() {
        printer.addObject(Probe.NAME, new PointProbe());
        retries = 1;
        helper().startProbe(gcode.createCommand("", "", Map.of()));
        assertEquals(2, finished.size());
        assertEquals(List.of("start", "probe 10.0,20.0", "probe 30.0,40.0", "probe 10.0,20.0", "probe 30.0,40.0",
                "end"), events);
    }

    @Test
    void withXyOffsetsTheProbeGoesOverThePoint() {
        printer.addObject(Probe.NAME, new PointProbe());
        ProbePointsHelper h = helper();
        h.useXyOffsets(true);
        h.startProbe(gcode.createCommand("", "", Map.of()));
        assertEquals(List.of("start", "probe 9.0,18.0", "probe 29.0,38.0", "end"), events);
    }

    @Test
    void methodManualProbesEachPointByHand() {
        printer.addObject(Probe.NAME, new PointProbe());
        printer.addObject("manual_probe", new ManualProbeObject(FakeConfig.of(printer, "manual_probe")));
        helper().startProbe(gcode.createCommand("", "", Map.of("METHOD", "manual")));
        assertEquals(List.of(), events);
        gcode.run("TESTZ Z=-4");
        gcode.run("ACCEPT");
        gcode.run("TESTZ Z=-4.5");
        gcode.run("ACCEPT");
        assertEquals(1, finished.size());
        assertArrayEquals(new double[] {30., 40., 0.5}, finished.get(0).get(1), 1e-9);
    }

    @Test
    void tooFewPointsIsAConfigError() {
        ProbePointsHelper h = helper();
        ConfigException e = assertThrows(ConfigException.class, () -> h.minimumPoints(3));
        assertEquals("Need at least 3 probe points for z_tilt", e.getMessage());
    }
}
