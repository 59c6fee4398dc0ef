/* klipper4j - a Klipper-compatible printer host. GPL-3.0-only. */
package org.klipper4j.mcu.internal.motion;

import java.util.List;

import org.klipper4j.core.api.motion.StepperKinematics;
import org.klipper4j.core.api.motion.TrapMove;

/**
 * Finds the step times of one stepper over the moves of a trapq (Klipper's
 * itersolve): a secant search with bisection fallback for the time the stepper
 * position crosses each half-step point, fed into a {@link StepCompressor}. Moves
 * along which the stepper's kinematics is linear take the closed form of
 * {@link LinearStepSolver} instead.
 */
public final class IterativeSolver {
    private static final double SEEK_TIME_RESET = 0.000100;
    private static final double EPS = .000000001;

    private StepperKinematics kinematics;
    private TrapQueueImpl trapq;
    private double stepDist;
    private double commandedPos;
    private double lastFlushTime;
    private double lastMoveTime;

    public void setKinematics(StepperKinematics kinematics) {
        this.kinematics = kinematics;
    }

    public StepperKinematics getKinematics() {
        return kinematics;
    }

    public void setTrapq(TrapQueueImpl trapq, double stepDist) {
        this.trapq = trapq;
        this.stepDist = stepDist;
    }

    public TrapQueueImpl getTrapq() {
        return trapq;
    }

    public double getCommandedPos() {
        return commandedPos;
    }

    public double getLastFlushTime() {
        return lastFlushTime;
    }

    /** Restores a commanded position remembered for a stepper kinematics that is put back. */
    public void setCommandedPos(double position) {
        commandedPos = position;
    }

    public void setPosition(double x, double y, double z) {
        commandedPos = calcPositionFromCoord(x, y, z);
    }

    public double calcPositionFromCoord(double x, double y, double z) {
        TrapMove m = new TrapMove();
        m.startX = x;
        m.startY = y;
        m.startZ = z;
        m.moveT = 1000.;
        return kinematics.calcPosition(m, 500., commandedPos);
    }

    private boolean isActive(TrapMove m) {
        int af = kinematics.activeFlags();
        return ((af & StepperKinematics.AF_X) != 0 && m.axesRX != 0.)
                || ((af & StepperKinematics.AF_Y) != 0 && m.axesRY != 0.)
                || ((af & StepperKinematics.AF_Z) != 0 && m.axesRZ != 0.);
    }

    /** True if moves along {@code axis} move this stepper. */
    public boolean isActiveAxis(char axis) {
        if (kinematics == null || axis < 'x' || axis > 'z') {
            return false;
        }
        return (kinematics.activeFlags() & (StepperKinematics.AF_X << (axis - 'x'))) != 0;
    }

    /** The print time of the first move after the last flush that moves this stepper, or 0 if none before {@code flushTime}. */
    public double checkActive(double flushTime) {
        if (trapq == null || kinematics == null) {
            return 0.;
        }
        trapq.checkSentinels();
        List<TrapMove> moves = trapq.moves();
        int i = 0;
        while (lastFlushTime >= moves.get(i).endTime()) {
            i++;
        }
        while (true) {
            TrapMove m = moves.get(i);
            if (isActive(m)) {
                return m.printTime;
            }
            if (flushTime <= m.endTime()) {
                return 0.;
            }
            i++;
        }
    }

    /** Generates the steps of every move up to {@code flushTime}. */
    public void generateSteps(StepCompressor sc, double flushTime) {
        double lastFlush = lastFlushTime;
        lastFlushTime = flushTime;
        if (trapq == null || kinematics == null) {
            return;
        }
        List<TrapMove> moves = trapq.moves();
        int i = 0;
        while (lastFlush >= moves.get(i).endTime()) {
            i++;
        }
        double preActive = kinematics.genStepsPreActive();
        double postActive = kinematics.genStepsPostActive();
        double forceStepsTime = lastMoveTime + postActive;
        int skipCount = 0;
        while (true) {
            TrapMove m = moves.get(i);
            double moveStart = m.printTime;
            double moveEnd = moveStart + m.moveT;
            if (isActive(m)) {
                if (skipCount != 0 && preActive != 0.) {
                    // steps leading up to the stepper's activity
                    double absStart = moveStart - preActive;
                    if (absStart < lastFlush) {
                        absStart = lastFlush;
                    }
                    if (absStart < forceStepsTime) {
                        absStart = forceStepsTime;
                    }
                    int p = i - 1;
                    while (--skipCount != 0 && moves.get(p).printTime > absStart) {
                        p--;
                    }
                    do {
                        genStepsRange(sc, moves.get(p), absStart, flushTime);
                        p++;
                    } while (p != i);
                }
                genStepsRange(sc, m, lastFlush, flushTime);
                if (moveEnd >= flushTime) {
                    lastMoveTime = flushTime;
                    return;
                }
                skipCount = 0;
                lastMoveTime = moveEnd;
                forceStepsTime = lastMoveTime + postActive;
            } else {
                if (moveStart < forceStepsTime) {
                    // steps just past the stepper's activity
                    double absEnd = forceStepsTime;
                    if (absEnd > flushTime) {
                        absEnd = flushTime;
                    }
                    genStepsRange(sc, m, lastFlush, absEnd);
                    skipCount = 1;
                } else {
                    skipCount++;
                }
                if (flushTime + preActive <= moveEnd) {
                    return;
                }
            }
            i++;
        }
    }

    /** Generates the steps of the part of {@code m} between two absolute print times. */
    void genStepsRange(StepCompressor sc, TrapMove m, double absStart, double absEnd) {
        StepperKinematics sk = kinematics;
        double halfStep = .5 * stepDist;
        double start = absStart - m.printTime;
        double end = absEnd - m.printTime;
        if (start < 0.) {
            start = 0.;
        }
        if (end > m.moveT) {
            end = m.moveT;
        }
        double ratio = sk.linearDistanceRatio(m);
        if (ratio == ratio && LinearStepSolver.isMonotonic(m, start, end)) {
            // linear stepper: each step time in closed form, no search
            commandedPos = sk.postStepsFixup(
                    LinearStepSolver.generate(sc, sk, m, start, end, ratio, commandedPos, stepDist));
            return;
        }
        double oldTime = start;
        double startPos = commandedPos;
        double oldPos = commandedPos;
        double guessTime = start;
        double guessPos = commandedPos;
        int sdir = sc.getStepDir();
        boolean isDirChange = false;
        boolean haveBracket = false;
        boolean checkOscillate = false;
        double target = commandedPos + (sdir != 0 ? halfStep : -halfStep);
        double lastTime = start;
        double lowTime = start;
        double highTime = start + SEEK_TIME_RESET;
        if (highTime > end) {
            highTime = end;
        }
        while (true) {
            // secant method guess from the two previous guesses
            double guessDist = guessPos - target;
            double ogDist = oldPos - target;
            double nextTime = (oldTime * guessDist - guessTime * ogDist) / (guessDist - ogDist);
            if (!(nextTime > lowTime && nextTime < highTime)) {
                if (haveBracket) {
                    // poor guess: bisect
                    nextTime = (lowTime + highTime) * .5;
                    checkOscillate = false;
                } else if (guessTime >= end) {
                    break;
                } else {
                    // widen the search exponentially
                    nextTime = highTime;
                    highTime = 2. * highTime - lastTime;
                    if (highTime > end) {
                        highTime = end;
                    }
                }
            }
            oldTime = guessTime;
            oldPos = guessPos;
            guessTime = nextTime;
            guessPos = sk.calcPosition(m, nextTime, startPos);
            guessDist = guessPos - target;
            if (Math.abs(guessDist) > EPS) {
                double relDist = sdir != 0 ? guessDist : -guessDist;
                if (relDist > 0.) {
                    // past the target: a step is present
                    if (haveBracket && oldTime <= lowTime) {
                        if (checkOscillate) {
                            // force a bisection to stop oscillating
                            oldTime = guessTime;
                            oldPos = guessPos;
                        }
                        checkOscillate = true;
                    }
                    highTime = guessTime;
                    haveBracket = true;
                } else if (relDist < -(halfStep + halfStep + .000000010)) {
                    // direction change
                    sdir = sdir != 0 ? 0 : 1;
                    target = sdir != 0 ? target + halfStep + halfStep : target - halfStep - halfStep;
                    lowTime = lastTime;
                    highTime = guessTime;
                    isDirChange = true;
                    haveBracket = true;
                    checkOscillate = false;
                } else {
                    lowTime = guessTime;
                }
                if (!haveBracket || highTime - lowTime > EPS) {
                    if (!isDirChange && relDist >= -halfStep) {
                        // the stepper fully reached the step position: no rollback
                        sc.commit();
                    }
                    continue;
                }
            }
            sc.append(sdir, m.printTime, guessTime);
            target = sdir != 0 ? target + halfStep + halfStep : target - halfStep - halfStep;
            double seekTimeDelta = 1.5 * (guessTime - lastTime);
            if (seekTimeDelta < EPS) {
                seekTimeDelta = EPS;
            }
            if (isDirChange && seekTimeDelta > SEEK_TIME_RESET) {
                seekTimeDelta = SEEK_TIME_RESET;
            }
            lastTime = guessTime;
            lowTime = guessTime;
            highTime = guessTime + seekTimeDelta;
            if (highTime > end) {
                highTime = end;
            }
            isDirChange = false;
            haveBracket = false;
            checkOscillate = false;
        }
        commandedPos = sk.postStepsFixup(target - (sdir != 0 ? halfStep : -halfStep));
    }
}
