/* klipper4j - a Klipper-compatible printer host. GPL-3.0-only. */
package org.klipper4j.core.api.motion;

/**
 * The point at given distances from three sphere centres (Klipper's
 * {@code mathutil.trilateration}), as delta, rotary delta and winch kinematics
 * need to turn stepper positions back into a toolhead position. Of the two
 * solutions the one below the plane of the centres is returned (the effector
 * hangs below the towers' carriages).
 */
public final class Trilateration {
    private Trilateration() {
    }

    /**
     * @param centres three points {x, y, z}
     * @param radius2 the squared distance from each centre
     * @return {x, y, z}
     */
    public static double[] solve(double[][] centres, double[] radius2) {
        double[] c1 = centres[0];
        double[] s21 = sub(centres[1], c1);
        double[] s31 = sub(centres[2], c1);
        double d = Math.sqrt(dot(s21, s21));
        double[] ex = scale(s21, 1. / d);
        double i = dot(ex, s31);
        double[] vectEy = sub(s31, scale(ex, i));
        double[] ey = scale(vectEy, 1. / Math.sqrt(dot(vectEy, vectEy)));
        double[] ez = cross(ex, ey);
        double j = dot(ey, s31);
        // frame with c1 at the origin, c2 on the ex axis and c3 in the ex/ey plane
        double x = (radius2[0] - radius2[1] + d * d) / (2. * d);
        double y = (radius2[0] - radius2[2] - x * x + (x - i) * (x - i) + j * j) / (2. * j);
        double z = -Math.sqrt(radius2[0] - x * x - y * y);
        double[] r = new double[3];
        for (int k = 0; k < 3; k++) {
            r[k] = c1[k] + ex[k] * x + ey[k] * y + ez[k] * z;
        }
        return r;
    }

    private static double[] sub(double[] a, double[] b) {
        return new double[] {a[0] - b[0], a[1] - b[1], a[2] - b[2]};
    }

    private static double[] scale(double[] a, double s) {
        return new double[] {a[0] * s, a[1] * s, a[2] * s};
    }

    private static double dot(double[] a, double[] b) {
        return a[0] * b[0] + a[1] * b[1] + a[2] * b[2];
    }

    private static double[] cross(double[] a, double[] b) {
        return new double[] {a[1] * b[2] - a[2] * b[1], a[2] * b[0] - a[0] * b[2], a[0] * b[1] - a[1] * b[0]};
    }
}
