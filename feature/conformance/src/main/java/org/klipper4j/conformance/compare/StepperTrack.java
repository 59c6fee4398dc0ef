/* klipper4j - a Klipper-compatible printer host. GPL-3.0-only. */
package org.klipper4j.conformance.compare;

import java.util.ArrayList;
import java.util.List;

/** The step schedule of one stepper, rebuilt from its commands with the firmware's semantics. */
final class StepperTrack {
    final List<StepRun> runs = new ArrayList<>();
    /** Time of the last step; the firmware starts at 0. */
    long last;
    int nextDir;
    /** Steps per direction: [dir=0, dir=1]. */
    final long[] steps = new long[2];

    long total() {
        return steps[0] + steps[1];
    }

    /** Steps with dir=1 minus steps with dir=0, as the firmware counts its position. */
    long position() {
        return steps[1] - steps[0];
    }
}
