/* klipper4j - a Klipper-compatible printer host. GPL-3.0-only. */
package org.klipper4j.core.api.motion;

import java.util.List;

/**
 * The least-squares plane z = x * xAdjust + y * yAdjust + zAdjust through probed points,
 * solved exactly (normal equations on centred coordinates). Klipper's output for
 * Z_TILT_ADJUST and BED_TILT_CALIBRATE matches an exact fit, not the iterative coordinate descent it once used:
 * with points symmetric in X a tilt of exactly zero comes out, so Z steppers that must
 * end level get identical adjustments.
 */
public record PlaneFit(double xAdjust, double yAdjust, double zAdjust) {

    /** Fits the plane to [x, y, z] points; needs three or more points not all on one line. */
    public static PlaneFit of(List<double[]> points) {
        int n = points.size();
        double mx = 0.;
        double my = 0.;
        double mz = 0.;
        for (double[] p : points) {
            mx += p[0];
            my += p[1];
            mz += p[2];
        }
        mx /= n;
        my /= n;
        mz /= n;
        double sxx = 0.;
        double sxy = 0.;
        double syy = 0.;
        double sxz = 0.;
        double syz = 0.;
        for (double[] p : points) {
            double dx = p[0] - mx;
            double dy = p[1] - my;
            double dz = p[2] - mz;
            sxx += dx * dx;
            sxy += dx * dy;
            syy += dy * dy;
            sxz += dx * dz;
            syz += dy * dz;
        }
        double det = sxx * syy - sxy * sxy;
        double xAdjust;
        double yAdjust;
        if (det != 0.) {
            xAdjust = (sxz * syy - syz * sxy) / det;
            yAdjust = (syz * sxx - sxz * sxy) / det;
        } else if (sxx != 0.) {
            // points on a line along X (or a line in general): tilt along it only
            xAdjust = sxz / sxx;
            yAdjust = 0.;
        } else if (syy != 0.) {
            xAdjust = 0.;
            yAdjust = syz / syy;
        } else {
            xAdjust = 0.;
            yAdjust = 0.;
        }
        return new PlaneFit(xAdjust, yAdjust, mz - xAdjust * mx - yAdjust * my);
    }
}
