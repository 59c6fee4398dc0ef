/* klipper4j - a Klipper-compatible printer host. GPL-3.0-only. */
package org.klipper4j.kinematics.corexy.internal;

import static org.klipper4j.testkit.LinearityAssertions.assertLinear;

import org.junit.jupiter.api.Test;

/**
 * The ratios the corexy steppers declare to the step solver (position linear in
 * the distance along a move) agree with their positions.
 */
class CoreXYLinearityTest {
    @Test
    void beltSteppersDeclareTheSumAndDifferenceOfTheAxisRatios() {
        assertLinear(new CoreXYStepperKinematics(true), 1.4);
        assertLinear(new CoreXYStepperKinematics(false), -.2);
    }

    @Test
    void zStepperDeclaresTheZRatio() {
        assertLinear(new ZStepperKinematics(), 0.);
    }
}
