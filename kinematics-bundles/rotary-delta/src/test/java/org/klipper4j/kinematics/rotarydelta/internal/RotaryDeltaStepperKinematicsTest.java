/* klipper4j - a Klipper-compatible printer host. GPL-3.0-only. */
package org.klipper4j.kinematics.rotarydelta.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/**
 * Klipper's rotary delta arm angle, checked on a shoulder 1 mm out from the centre
 * at height 10, upper arm 3. In the shoulder's frame the effector joint is at
 * (x - 1, z - 10); the elbow is on the circle of radius 3 and lower_arm away from
 * the joint, and Klipper takes the root of the quadratic with the larger scaled x.
 */
class RotaryDeltaStepperKinematicsTest {
    @Test
    void armIsLevelWhenTheLowerArmHangsStraightDown() {
        // joint at (3, -4), lower arm 4: the elbow at (3, 0) is 3 from the shoulder and
        // 4 above the joint, so the arm angle is 0
        RotaryDeltaStepperKinematics sk = new RotaryDeltaStepperKinematics(1., 10., 0., 3., 4.);
        assertEquals(0., sk.armAngle(4., 0., 6.), 1e-12);
    }

    @Test
    void armAngleFollowsTheOuterElbowSolution() {
        // joint at (4, 3), lower arm 4: c1 = 3, c2 = 4/3, scaled elbow (8, -7/3), so the
        // elbow is 3 * (24/25, -7/25) = (2.88, -0.84), which is 4 from (4, 3)
        RotaryDeltaStepperKinematics sk = new RotaryDeltaStepperKinematics(1., 10., 0., 3., 4.);
        assertEquals(Math.atan2(-7., 24.), sk.armAngle(5., 0., 13.), 1e-12);
    }

    @Test
    void towerAngleRotatesTheShouldersFrame() {
        // the same joint seen from a tower at 90 degrees: the effector is on the +Y axis
        RotaryDeltaStepperKinematics sk = new RotaryDeltaStepperKinematics(1., 10., Math.PI / 2, 3., 4.);
        assertEquals(Math.atan2(-7., 24.), sk.armAngle(0., 5., 13.), 1e-12);
    }

    @Test
    void sidewaysOffsetShortensTheLowerArmsReach() {
        // lower arm 5 with the joint 3 to the side reaches as a 4 mm arm in the shoulder's plane
        RotaryDeltaStepperKinematics sk = new RotaryDeltaStepperKinematics(1., 10., 0., 3., 5.);
        assertEquals(0., sk.armAngle(4., 3., 6.), 1e-12);
    }
}
