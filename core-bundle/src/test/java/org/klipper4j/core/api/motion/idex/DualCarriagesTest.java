/* klipper4j - a Klipper-compatible printer host. GPL-3.0-only. */
package org.klipper4j.core.api.motion.idex;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.klipper4j.core.api.motion.Rail;
import org.klipper4j.core.api.motion.StepperKinematics;

class DualCarriagesTest {
    /** Homes both carriages: carriage 0 ends at 0 (primary), carriage 1 parked at 200. */
    private static IdexTestRig homed(Double safeDistance) {
        IdexTestRig rig = new IdexTestRig(safeDistance);
        // each homing move leaves the toolhead at the carriage's endstop
        rig.toolhead.kin.homedAxes = "x";
        assertNull(rig.run("SET_DUAL_CARRIAGE CARRIAGE=1"));
        rig.toolhead.position[0] = 200.;
        assertNull(rig.run("SET_DUAL_CARRIAGE CARRIAGE=0"));
        return rig;
    }

    @Test
    void startsWithTheFirstCarriagePrimary() {
        IdexTestRig rig = new IdexTestRig(null);
        Map<String, Object> status = rig.dc.getStatus(0.);
        assertEquals("PRIMARY", status.get("carriage_0"));
        assertEquals("INACTIVE", status.get("carriage_1"));
        assertEquals(Map.of("stepper_x", "PRIMARY", "dual_carriage", "INACTIVE"), status.get("carriages"));
        assertEquals(rig.rail0, rig.dc.getPrimaryRail(0));
    }

    @Test
    void switchingCarriagesParksTheOtherWhereItIs() {
        IdexTestRig rig = homed(null);
        // back on carriage 0, which was parked at 0; carriage 1 stays at 200
        assertEquals(0., rig.toolhead.position[0]);
        assertEquals(200., IdexTestRig.stepperAt(rig.stepper1, 35.));
        assertEquals(35., IdexTestRig.stepperAt(rig.stepper0, 35.));
        // the parked carriage takes no steps from X moves
        assertEquals(0, rig.stepper1.getStepperKinematics().activeFlags() & StepperKinematics.AF_X);
        assertEquals(rig.rail0, rig.dc.getPrimaryRail(0));
        assertEquals("INACTIVE", rig.dc.getStatus(0.).get("carriage_1"));
    }

    @Test
    void copyModeFollowsAtTheSameDistance() {
        IdexTestRig rig = homed(null);
        rig.toolhead.position[0] = 20.;
        assertNull(rig.run("SET_DUAL_CARRIAGE CARRIAGE=1 MODE=COPY"));
        assertEquals("COPY", rig.dc.getStatus(0.).get("carriage_1"));
        assertEquals(230., IdexTestRig.stepperAt(rig.stepper1, 50.));
        assertEquals(50., IdexTestRig.stepperAt(rig.stepper0, 50.));
        // carriage 1, 180 ahead, may not leave its rail: x at most 20
        assertArrayEquals(new double[] {0., 20.}, rig.toolhead.kin.xRange);
    }

    @Test
    void mirrorModeMovesTheOtherWayAndKeepsTheSafeDistance() {
        IdexTestRig rig = homed(50.);
        assertNull(rig.run("SET_DUAL_CARRIAGE CARRIAGE=1 MODE=MIRROR"));
        assertEquals("MIRROR", rig.dc.getStatus(0.).get("carriage_1"));
        assertEquals(190., IdexTestRig.stepperAt(rig.stepper1, 10.));
        // they meet in the middle: carriage 0 at 75 and carriage 1 at 125 are 50 apart
        assertArrayEquals(new double[] {0., 75.}, rig.toolhead.kin.xRange);
        assertEquals(StepperKinematics.AF_X, rig.stepper1.getStepperKinematics().activeFlags());
    }

    @Test
    void thePrimaryStaysTheSafeDistanceAwayFromTheParkedCarriage() {
        IdexTestRig rig = homed(50.);
        assertArrayEquals(new double[] {0., 150.}, rig.toolhead.kin.xRange);
        assertNull(rig.run("SET_DUAL_CARRIAGE CARRIAGE=1"));
        // carriage 0 parked at 0, so carriage 1 may come down to 50
        assertArrayEquals(new double[] {50., 200.}, rig.toolhead.kin.xRange);
    }

    @Test
    void withoutSafeDistanceTheRangeIsTheRailsOwn() {
        // the default safe distance is the smaller distance between the rails' ends: 0 here
        IdexTestRig rig = homed(null);
        assertArrayEquals(new double[] {0., 200.}, rig.toolhead.kin.xRange);
    }

    @Test
    void restoreMovesBothCarriagesBackInOneMove() {
        IdexTestRig rig = homed(null);
        rig.toolhead.position[0] = 20.;
        assertNull(rig.run("SAVE_DUAL_CARRIAGE_STATE"));
        rig.toolhead.position[0] = 50.;
        assertNull(rig.run("SET_DUAL_CARRIAGE CARRIAGE=1"));
        rig.toolhead.position[0] = 170.;
        double[] during = new double[2];
        rig.toolhead.onManualMove = () -> {
            // the move goes from x=50 to x=20 on carriage 0; carriage 1 mirrors it from 170 to 200
            during[0] = IdexTestRig.stepperAt(rig.stepper1, 50.);
            during[1] = IdexTestRig.stepperAt(rig.stepper1, 20.);
        };
        rig.toolhead.log.clear();
        assertNull(rig.run("RESTORE_DUAL_CARRIAGE_STATE"));
        assertEquals(List.of("set x=50.0", "set x=170.0", "set x=50.0", "move x=20.0 speed=40.0", "set x=20.0",
                "set x=20.0"), rig.toolhead.log);
        assertArrayEquals(new double[] {170., 200.}, during);
        assertEquals("PRIMARY", rig.dc.getStatus(0.).get("carriage_0"));
        assertEquals("INACTIVE", rig.dc.getStatus(0.).get("carriage_1"));
        assertEquals(200., IdexTestRig.stepperAt(rig.stepper1, 0.));
    }

    @Test
    void restoreWithoutMoveOnlySetsTheModes() {
        IdexTestRig rig = homed(null);
        assertNull(rig.run("SAVE_DUAL_CARRIAGE_STATE NAME=park"));
        assertNull(rig.run("SET_DUAL_CARRIAGE CARRIAGE=1"));
        rig.toolhead.log.clear();
        assertNull(rig.run("RESTORE_DUAL_CARRIAGE_STATE NAME=park MOVE=0"));
        assertEquals(0, rig.toolhead.log.stream().filter(l -> l.startsWith("move")).count());
        assertEquals(rig.rail0, rig.dc.getPrimaryRail(0));
    }

    @Test
    void homesThePrimaryFirstWhenTheyHomeApart() {
        IdexTestRig rig = new IdexTestRig(null);
        rig.dc.home(null, 0);
        assertEquals(List.of("stepper_x", "dual_carriage"), rig.toolhead.kin.homed);
        assertEquals(rig.rail0, rig.dc.getPrimaryRail(0));
    }

    @Test
    void homesTheOuterCarriageFirstWhenBothHomeTheSameWay() {
        // both home toward +x, carriage 1 further out: carriage 0 would stop against it
        IdexTestRig rig = new IdexTestRig(new Rail.HomingInfo(50., 200., 50., 5., true, 25.),
                new Rail.HomingInfo(50., 250., 50., 5., true, 25.), 250., null);
        rig.dc.home(null, 0);
        assertEquals(List.of("dual_carriage", "stepper_x"), rig.toolhead.kin.homed);
        assertEquals(rig.rail0, rig.dc.getPrimaryRail(0));
    }

    @Test
    void badCommandsAreRefusedWithKlippersWords() {
        IdexTestRig rig = new IdexTestRig(null);
        assertEquals("CARRIAGE must be specified", rig.run("SET_DUAL_CARRIAGE"));
        assertEquals("Invalid CARRIAGE=2 index", rig.run("SET_DUAL_CARRIAGE CARRIAGE=2"));
        assertEquals("Invalid CARRIAGE=left specified", rig.run("SET_DUAL_CARRIAGE CARRIAGE=left"));
        assertEquals("Invalid mode=PARK specified", rig.run("SET_DUAL_CARRIAGE CARRIAGE=1 MODE=park"));
        assertEquals("Axis X must be homed prior to enabling mode=COPY",
                rig.run("SET_DUAL_CARRIAGE CARRIAGE=1 MODE=COPY"));
        assertEquals("Must activate another carriage as PRIMARY first",
                rig.run("SET_DUAL_CARRIAGE CARRIAGE=0 MODE=MIRROR"));
        assertEquals("Cannot deactivate the only active carriage for axis X",
                rig.run("SET_DUAL_CARRIAGE CARRIAGE=stepper_x MODE=INACTIVE"));
        assertEquals("Unknown DUAL_CARRIAGE state: other", rig.run("RESTORE_DUAL_CARRIAGE_STATE NAME=other"));
        // nothing changed
        assertEquals(rig.rail0, rig.dc.getPrimaryRail(0));
    }

    @Test
    void carriagesAreNamedByTheirSection() {
        IdexTestRig rig = homed(null);
        assertNull(rig.run("SET_DUAL_CARRIAGE CARRIAGE=dual_carriage"));
        assertEquals(rig.rail1, rig.dc.getPrimaryRail(0));
    }
}
