/* klipper4j - a Klipper-compatible printer host. GPL-3.0-only. */
package org.klipper4j.kinematics.hybridcorexz.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.klipper4j.core.api.PrinterEvents;
import org.klipper4j.core.api.motion.Rail;
import org.klipper4j.core.api.motion.Stepper;
import org.klipper4j.core.api.motion.idex.DualCarriages;
import org.klipper4j.kinematics.testing.MoveGcodeRun;

/** example-hybrid-corexz.cfg with a [dual_carriage]: its belt stepper drives x+z and stops on the z endstop too. */
class HybridCoreXZDualCarriageTest {
    private static final String DUAL_CARRIAGE = """

            [dual_carriage]
            axis: x
            step_pin: PH1
            dir_pin: PH0
            enable_pin: !PA1
            microsteps: 16
            rotation_distance: 40
            endstop_pin: ^PE4
            position_endstop: 200
            position_max: 200
            homing_speed: 50
            """;

    @TempDir
    Path dir;

    private MoveGcodeRun printer() throws Exception {
        return new MoveGcodeRun(dir, "hybrid_corexz", new HybridCoreXZKinematicsFactory(),
                MoveGcodeRun.resource("example-hybrid-corexz.cfg") + DUAL_CARRIAGE);
    }

    @Test
    void theDualCarriageStepperIsXPlusZAndStopsWithZ() throws Exception {
        MoveGcodeRun run = printer();
        List<Stepper> steppers = run.toolhead.getKinematics().getSteppers();
        assertEquals(List.of("stepper_x", "stepper_y", "stepper_z", "dual_carriage"),
                steppers.stream().map(Stepper::getName).toList());
        Stepper dc = steppers.get(3);
        // as in Klipper, the carriage transforms apply once the printer is ready (after input shaping
        // has seen the steppers' axes); until then the stepper is plain x+z
        assertEquals(157., dc.calcPositionFromCoord(150., 10., 7.));
        run.printer.sendEvent(PrinterEvents.READY);
        // parked at its offset in x (0: never moved) but still carried by z
        assertEquals(7., dc.calcPositionFromCoord(150., 10., 7.));
        Rail.NamedEndstop zEndstop = ((HybridCoreXZKinematics) run.toolhead.getKinematics()).rails().get(2)
                .getEndstops().get(0);
        assertTrue(zEndstop.endstop().getSteppers().contains(dc));
    }

    @Test
    void positionComesFromTheActiveCarriage() throws Exception {
        MoveGcodeRun run = printer();
        HybridCoreXZKinematics kin = (HybridCoreXZKinematics) run.toolhead.getKinematics();
        Map<String, Double> spos = Map.of("stepper_x", 4., "stepper_y", 2., "stepper_z", 7., "dual_carriage", 150.);
        // stepper_x drives x-z
        assertArrayEquals(new double[] {11., 2., 7.}, kin.calcPosition(spos), 1e-12);
        run.printer.run("G28");
        run.printer.run("SET_DUAL_CARRIAGE", "CARRIAGE", "1");
        DualCarriages dc = run.printer.lookupObject("dual_carriage", DualCarriages.class);
        assertEquals("PRIMARY", dc.getStatus(0.).get("carriage_1"));
        // the dual carriage drives x+z
        assertArrayEquals(new double[] {143., 2., 7.}, kin.calcPosition(spos), 1e-12);
        // it was parked at its endstop after homing
        assertEquals(200., run.toolhead.getPosition()[0], 1e-9);
    }
}
