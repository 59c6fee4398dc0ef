/* klipper4j - a Klipper-compatible printer host. GPL-3.0-only. */
package org.klipper4j.core.internal.toolhead;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.klipper4j.core.api.motion.ExtraAxis;
import org.klipper4j.core.api.motion.ToolheadMove;
import org.klipper4j.core.internal.toolhead.MotionFakes.BoxKinematics;
import org.klipper4j.core.internal.toolhead.MotionFakes.FakePrinter;

/** The toolhead status names each extra axis with its index in {@code position}, as Klipper's extra_axes. */
class ToolheadExtraAxesStatusTest {
    private static final String CFG = "[printer]\nkinematics: box\nmax_velocity: 500\nmax_accel: 3000\n";

    @TempDir
    Path dir;

    private final FakePrinter printer = new FakePrinter();

    private ToolheadImpl toolhead() throws Exception {
        KinematicsRegistry reg = new KinematicsRegistry();
        reg.register("box", (th, config) -> new BoxKinematics());
        return new ToolheadImpl(MotionFakes.printerSection(printer, dir, CFG), reg);
    }

    private static ExtraAxis axis(String name) {
        return new ExtraAxis() {
            @Override
            public String getName() {
                return name;
            }

            @Override
            public double calcJunction(ToolheadMove prevMove, ToolheadMove move, int eIndex) {
                return 0.;
            }

            @Override
            public void checkMove(ToolheadMove move, int eIndex) {
            }

            @Override
            public void processMove(double printTime, ToolheadMove move, int eIndex) {
            }
        };
    }

    @Test
    void withoutAnExtruderThereAreNoNamedExtraAxes() throws Exception {
        ToolheadImpl th = toolhead();

        assertEquals(Map.of(), th.getStatus(0.).get("extra_axes"));
        assertEquals("", th.getStatus(0.).get("extruder"));
    }

    @Test
    void theExtruderIsIndexThreeAndAddedAxesFollow() throws Exception {
        ToolheadImpl th = toolhead();
        th.setExtruder(axis("extruder"), 7.);
        th.addExtraAxis(axis("manual_stepper a"), 12.);

        Map<String, Object> status = th.getStatus(0.);

        assertEquals(Map.of("extruder", 3, "manual_stepper a", 4), status.get("extra_axes"));
        assertEquals(List.of(0., 0., 0., 7., 12.), status.get("position"));
        assertEquals("extruder", status.get("extruder"));
    }
}
