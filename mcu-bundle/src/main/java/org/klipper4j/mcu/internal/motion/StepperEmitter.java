/* klipper4j - a Klipper-compatible printer host. GPL-3.0-only. */
package org.klipper4j.mcu.internal.motion;

/** One stepper's step generation: solver plus compressor (Klipper's syncemitter). */
record StepperEmitter(String name, IterativeSolver solver, StepCompressor compressor) {

    /** Generates steps up to {@code genStepsTime} and compresses those due before {@code flushClock}. */
    void generate(double genStepsTime, long flushClock) {
        if (solver.getKinematics() == null) {
            return;
        }
        solver.generateSteps(compressor, genStepsTime);
        compressor.flush(flushClock);
    }
}
