/* klipper4j - a Klipper-compatible printer host. GPL-3.0-only. */
package org.klipper4j.conformance.compare;

import java.util.List;

/**
 * Pairs the k-th step of two schedules of one stepper and finds the largest time
 * difference exactly, per overlapping pair of queue_step runs: the doubled difference
 * is a quadratic in the step offset, so the work grows with the number of commands,
 * not of steps. Differences are taken modulo 2^32 as the MCU sees clocks.
 */
final class StepComparison {
    long paired;
    long dirMismatch;
    /** Largest |test - ref| in ticks. */
    double maxDiffTicks;
    /** First step beyond the tolerance, or null. */
    String firstViolation;
    String firstDirMismatch;

    static StepComparison compare(StepperTrack ref, StepperTrack test, double tolTicks) {
        StepComparison res = new StepComparison();
        List<StepRun> rr = ref.runs;
        List<StepRun> tr = test.runs;
        int i = 0;
        int j = 0;
        double tol2 = 2 * tolTicks;
        long best2 = -1;
        while (i < rr.size() && j < tr.size()) {
            StepRun r = rr.get(i);
            StepRun t = tr.get(j);
            long start = Math.max(r.firstStep(), t.firstStep());
            long end = Math.min(r.firstStep() + r.count(), t.firstStep() + t.count());
            long n = end - start;
            long offR = start - r.firstStep();
            long offT = start - t.firstStep();
            if (r.dir() != t.dir()) {
                res.dirMismatch += n;
                if (res.firstDirMismatch == null) {
                    res.firstDirMismatch = "step #" + start + " at ref clock " + r.time(offR) + " (ref dir="
                            + r.dir() + ", test dir=" + t.dir() + ")";
                }
            }
            long[] rc = coefficients(r, offR);
            long[] tc = coefficients(t, offT);
            long a = tc[0] - rc[0];
            long b = tc[1] - rc[1];
            long c = tc[2] - rc[2];
            // whole 2^32 wraps (an idle gap unwrapped differently) are no difference to the MCU
            c -= Math.floorDiv(c + ClockUnwrapper.WRAP, 2 * ClockUnwrapper.WRAP) * (2 * ClockUnwrapper.WRAP);
            long mx2 = maxAbs(a, b, c, n);
            best2 = Math.max(best2, mx2);
            if (mx2 > tol2 && res.firstViolation == null) {
                for (long x = 0; x < n; x++) {
                    long d2 = (a * x + b) * x + c;
                    if (Math.abs(d2) > tol2) {
                        res.firstViolation = "step #" + (start + x) + ": ref clock " + r.time(offR + x)
                                + ", test " + (r.time(offR + x) + Math.floorDiv(d2, 2)) + " (diff "
                                + Math.floorDiv(d2, 2) + " ticks; ref cmd #" + r.cmdIndex() + ", test cmd #"
                                + t.cmdIndex() + ")";
                        break;
                    }
                }
            }
            res.paired += n;
            if (end == r.firstStep() + r.count()) {
                i++;
            }
            if (end == t.firstStep() + t.count()) {
                j++;
            }
        }
        res.maxDiffTicks = Math.max(best2, 0) / 2.0;
        return res;
    }

    /** (a, b, c) with 2*time(off+x) = a*x^2 + b*x + c. */
    private static long[] coefficients(StepRun run, long off) {
        long i = run.interval();
        long a = run.add();
        return new long[] {a, 2 * i + a * (2 * off + 1), 2 * run.base() + 2 * (off + 1) * i + a * off * (off + 1)};
    }

    /** max |a x^2 + b x + c| over integers x in [0, n): at the ends or next to the vertex. */
    static long maxAbs(long a, long b, long c, long n) {
        long best = Math.max(Math.abs(q(a, b, c, 0)), Math.abs(q(a, b, c, n - 1)));
        if (a != 0) {
            long m = Math.floorDiv(-b, 2 * a);
            for (long x = m; x <= m + 1; x++) {
                if (x >= 0 && x < n) {
                    best = Math.max(best, Math.abs(q(a, b, c, x)));
                }
            }
        }
        return best;
    }

    private static long q(long a, long b, long c, long x) {
        return (a * x + b) * x + c;
    }
}
