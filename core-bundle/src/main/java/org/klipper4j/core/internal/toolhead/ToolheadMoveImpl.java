/* klipper4j - a Klipper-compatible printer host. GPL-3.0-only. */
package org.klipper4j.core.internal.toolhead;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.DoubleConsumer;

import org.klipper4j.core.api.gcode.CommandError;
import org.klipper4j.core.api.motion.ExtraAxis;
import org.klipper4j.core.api.motion.ToolheadMove;

/**
 * One requested move and its junction limits (Klipper's toolhead Move): speeds
 * are tracked squared; the trapezoid is set when the lookahead releases it.
 */
final class ToolheadMoveImpl implements ToolheadMove {
    private final double[] startPos;
    private final double[] endPos;
    private final double[] axesD;
    private final double[] axesR;
    private final double moveD;
    private final boolean kinematicMove;
    private final double junctionDeviation;
    double accel;
    double minMoveT;
    double maxStartV2;
    double maxCruiseV2;
    double deltaV2;
    double nextJunctionV2 = 999999999.9;
    double maxMcrStartV2;
    double mcrDeltaV2;
    private double startV;
    private double cruiseV;
    private double endV;
    private double accelT;
    private double cruiseT;
    private double decelT;
    final List<DoubleConsumer> timingCallbacks = new ArrayList<>(0);

    ToolheadMoveImpl(double[] startPos, double[] endPos, double speed, double maxVelocity, double maxAccel,
            double junctionDeviation, double mcrPseudoAccel) {
        this.startPos = startPos.clone();
        double[] end = endPos.clone();
        this.accel = maxAccel;
        this.junctionDeviation = junctionDeviation;
        double velocity = Math.min(speed, maxVelocity);
        int n = startPos.length;
        axesD = new double[n];
        for (int i = 0; i < n; i++) {
            axesD[i] = end[i] - startPos[i];
        }
        double d = Math.sqrt(axesD[0] * axesD[0] + axesD[1] * axesD[1] + axesD[2] * axesD[2]);
        double invMoveD;
        if (d < .000000001) {
            // extrude-only move
            end[0] = startPos[0];
            end[1] = startPos[1];
            end[2] = startPos[2];
            axesD[0] = 0.;
            axesD[1] = 0.;
            axesD[2] = 0.;
            d = 0.;
            for (int i = 3; i < n; i++) {
                d = Math.max(d, Math.abs(axesD[i]));
            }
            invMoveD = d != 0. ? 1. / d : 0.;
            accel = 99999999.9;
            velocity = speed;
            kinematicMove = false;
        } else {
            invMoveD = 1. / d;
            kinematicMove = true;
        }
        this.endPos = end;
        this.moveD = d;
        axesR = new double[n];
        for (int i = 0; i < n; i++) {
            axesR[i] = axesD[i] * invMoveD;
        }
        minMoveT = d / velocity;
        maxCruiseV2 = velocity * velocity;
        deltaV2 = 2.0 * d * accel;
        mcrDeltaV2 = 2.0 * d * mcrPseudoAccel;
    }

    @Override
    public void limitSpeed(double speed, double newAccel) {
        double speed2 = speed * speed;
        if (speed2 < maxCruiseV2) {
            maxCruiseV2 = speed2;
            minMoveT = moveD / speed;
        }
        accel = Math.min(accel, newAccel);
        deltaV2 = 2.0 * moveD * accel;
        mcrDeltaV2 = Math.min(mcrDeltaV2, deltaV2);
    }

    @Override
    public void limitNextJunctionSpeed(double speed) {
        nextJunctionV2 = Math.min(nextJunctionV2, speed * speed);
    }

    @Override
    public CommandError moveError(String message) {
        double e = endPos.length > 3 ? endPos[3] : 0.;
        return new CommandError(String.format(Locale.ROOT, "%s: %.3f %.3f %.3f [%.3f]", message, endPos[0],
                endPos[1], endPos[2], e));
    }

    /** Limits this move's start speed by the corner it makes with {@code prev}. */
    void calcJunction(ToolheadMoveImpl prev, List<ExtraAxis> extraAxes) {
        if (!kinematicMove || !prev.kinematicMove) {
            return;
        }
        double v2 = Math.min(Math.min(maxCruiseV2, prev.maxCruiseV2),
                Math.min(prev.nextJunctionV2, prev.maxStartV2 + prev.deltaV2));
        for (int i = 0; i < extraAxes.size(); i++) {
            v2 = Math.min(v2, extraAxes.get(i).calcJunction(prev, this, i + 3));
        }
        // approximated centripetal velocity
        double junctionCosTheta = -(axesR[0] * prev.axesR[0] + axesR[1] * prev.axesR[1] + axesR[2] * prev.axesR[2]);
        double sinThetaD2 = Math.sqrt(Math.max(0.5 * (1.0 - junctionCosTheta), 0.));
        double cosThetaD2 = Math.sqrt(Math.max(0.5 * (1.0 + junctionCosTheta), 0.));
        double oneMinusSinThetaD2 = 1. - sinThetaD2;
        if (oneMinusSinThetaD2 > 0. && cosThetaD2 > 0.) {
            double rJd = sinThetaD2 / oneMinusSinThetaD2;
            double moveJdV2 = rJd * junctionDeviation * accel;
            double pmoveJdV2 = rJd * prev.junctionDeviation * prev.accel;
            // the circle must touch the moves no further than their middle
            double quarterTanThetaD2 = .25 * sinThetaD2 / cosThetaD2;
            double moveCentripetalV2 = deltaV2 * quarterTanThetaD2;
            double pmoveCentripetalV2 = prev.deltaV2 * quarterTanThetaD2;
            v2 = Math.min(Math.min(v2, Math.min(moveJdV2, pmoveJdV2)),
                    Math.min(moveCentripetalV2, pmoveCentripetalV2));
        }
        maxStartV2 = v2;
        maxMcrStartV2 = Math.min(v2, prev.maxMcrStartV2 + prev.mcrDeltaV2);
    }

    /** Sets the trapezoid from the junction speeds (all squared). */
    void setJunction(double startV2, double cruiseV2, double endV2) {
        double halfInvAccel = .5 / accel;
        double accelD = (cruiseV2 - startV2) * halfInvAccel;
        double decelD = (cruiseV2 - endV2) * halfInvAccel;
        double cruiseD = moveD - accelD - decelD;
        startV = Math.sqrt(startV2);
        cruiseV = Math.sqrt(cruiseV2);
        endV = Math.sqrt(endV2);
        accelT = accelD / ((startV + cruiseV) * 0.5);
        cruiseT = cruiseD / cruiseV;
        decelT = decelD / ((endV + cruiseV) * 0.5);
    }

    double totalTime() {
        return accelT + cruiseT + decelT;
    }

    @Override
    public double[] startPos() {
        return startPos.clone();
    }

    @Override
    public double[] endPos() {
        return endPos.clone();
    }

    double[] endPosRef() {
        return endPos;
    }

    double[] startPosRef() {
        return startPos;
    }

    double[] axesRRef() {
        return axesR;
    }

    double[] axesDRef() {
        return axesD;
    }

    @Override
    public double[] axesD() {
        return axesD.clone();
    }

    @Override
    public double[] axesR() {
        return axesR.clone();
    }

    @Override
    public double moveDistance() {
        return moveD;
    }

    @Override
    public boolean isKinematicMove() {
        return kinematicMove;
    }

    @Override
    public double maxCruiseV2() {
        return maxCruiseV2;
    }

    @Override
    public double accel() {
        return accel;
    }

    @Override
    public double accelT() {
        return accelT;
    }

    @Override
    public double cruiseT() {
        return cruiseT;
    }

    @Override
    public double decelT() {
        return decelT;
    }

    @Override
    public double startV() {
        return startV;
    }

    @Override
    public double cruiseV() {
        return cruiseV;
    }

    @Override
    public double endV() {
        return endV;
    }
}
