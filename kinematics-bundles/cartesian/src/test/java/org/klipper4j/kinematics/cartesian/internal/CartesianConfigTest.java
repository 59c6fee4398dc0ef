/* klipper4j - a Klipper-compatible printer host. GPL-3.0-only. */
package org.klipper4j.kinematics.cartesian.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.klipper4j.core.api.ConfigException;
import org.klipper4j.core.api.motion.Rail;
import org.klipper4j.kinematics.testing.MoveGcodeRun;
import org.klipper4j.kinematics.testing.SimPrinter;

/** Rail and stepper options of example-cartesian.cfg variants. */
class CartesianConfigTest {
    @TempDir
    Path dir;

    private MoveGcodeRun runWith(String from, String to) throws Exception {
        String cfg = MoveGcodeRun.resource("example-cartesian.cfg");
        String changed = cfg.replaceFirst(from, to);
        if (changed.equals(cfg)) {
            throw new IllegalArgumentException("pattern not found: " + from);
        }
        return new MoveGcodeRun(dir, "cartesian", new CartesianKinematicsFactory(), changed);
    }

    @Test
    void positionEndstopOutsideTheRangeIsAConfigError() {
        ConfigException e = assertThrows(ConfigException.class,
                () -> runWith("position_endstop: 0\n", "position_endstop: 250\n"));
        assertEquals("position_endstop in section 'stepper_x' must be between position_min and position_max",
                e.getMessage());
    }

    @Test
    void homingDirectionMustBeInferableFromTheEndstopPosition() {
        ConfigException e = assertThrows(ConfigException.class,
                () -> runWith("position_endstop: 0\n", "position_endstop: 100\n"));
        assertEquals("Unable to infer homing_positive_dir in section 'stepper_x'", e.getMessage());
    }

    @Test
    void endstopAtTheMaximumHomesTowardIt() throws Exception {
        MoveGcodeRun run = runWith("position_endstop: 0\n", "position_endstop: 200\n");
        Rail.HomingInfo hi = ((CartesianKinematics) run.toolhead.getKinematics()).rails().get(0).getHomingInfo();
        assertEquals(true, hi.positiveDir());
        assertEquals(5.0, hi.speed());
        assertEquals(2.5, hi.secondHomingSpeed());
    }

    @Test
    void stepDistanceComesFromRotationDistanceAndMicrosteps() throws Exception {
        MoveGcodeRun run = runWith("rotation_distance: 8\n", "rotation_distance: 8\ngear_ratio: 2:1\n");
        var z = run.toolhead.getKinematics().getSteppers().get(2);
        assertEquals(8. / (200 * 16 * 2.), z.getStepDist(), 1e-15);
        assertEquals(40. / 3200., run.toolhead.getKinematics().getSteppers().get(0).getStepDist(), 1e-15);
    }

    @Test
    void fullStepsMustBeAMultipleOfFour() {
        ConfigException e = assertThrows(ConfigException.class,
                () -> runWith("microsteps: 16\n", "microsteps: 16\nfull_steps_per_rotation: 201\n"));
        assertEquals("full_steps_per_rotation invalid in section 'stepper_x'", e.getMessage());
    }

    /**
     * Klipper's object order on the MCU (multi_z.test): a rail's endstop comes before its
     * stepper, but an extra stepper (stepper_z1) comes before its own endstop; stepper_z2
     * without an endstop_pin stops with the rail's first endstop.
     */
    @Test
    void extraZSteppersComeBeforeTheirOwnEndstop() throws Exception {
        String extra = "[stepper_z1]\nstep_pin: PC1\ndir_pin: PC3\nmicrosteps: 16\nrotation_distance: 8\n"
                + "endstop_pin: ^PD2\n\n[stepper_z2]\nstep_pin: PH1\ndir_pin: PH0\nmicrosteps: 16\n"
                + "rotation_distance: 8\n\n[stepper_z]\n";
        MoveGcodeRun run = runWith("\\[stepper_z\\]\n", extra);
        Rail z = ((CartesianKinematics) run.toolhead.getKinematics()).rails().get(2);
        var steppers = z.getSteppers();
        var endstops = z.getEndstops();
        assertEquals(java.util.List.of("stepper_z", "stepper_z1", "stepper_z2"),
                steppers.stream().map(s -> s.getName()).toList());
        assertEquals(java.util.List.of("z", "z1"), endstops.stream().map(e -> e.name()).toList());
        int zEndstop = ((SimPrinter.BatchEndstop) endstops.get(0).endstop()).oid;
        int z1Endstop = ((SimPrinter.BatchEndstop) endstops.get(1).endstop()).oid;
        assertEquals(zEndstop + 1, steppers.get(0).getOid(), "stepper_z right after its endstop");
        assertEquals(steppers.get(0).getOid() + 1, steppers.get(1).getOid(), "stepper_z1 before its endstop");
        assertEquals(steppers.get(1).getOid() + 1, z1Endstop);
        assertEquals(z1Endstop + 1, steppers.get(2).getOid());
        assertEquals(java.util.List.of(steppers.get(0), steppers.get(2)), endstops.get(0).endstop().getSteppers());
        assertEquals(java.util.List.of(steppers.get(1)), endstops.get(1).endstop().getSteppers());
    }
}
