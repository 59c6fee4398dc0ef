/* klipper4j - a Klipper-compatible printer host. GPL-3.0-only. */
package org.klipper4j.kinematics.cartesian.internal;

import static org.klipper4j.testkit.LinearityAssertions.assertLinear;

import org.junit.jupiter.api.Test;

/**
 * The ratios the cartesian steppers declare to the step solver (position linear in
 * the distance along a move) agree with their positions.
 */
class CartesianLinearityTest {
    @Test
    void eachStepperDeclaresItsAxisRatio() {
        assertLinear(new CartesianStepperKinematics('x'), .6);
        assertLinear(new CartesianStepperKinematics('y'), .8);
        assertLinear(new CartesianStepperKinematics('z'), 0.);
    }
}
