/* klipper4j - a Klipper-compatible printer host. GPL-3.0-only. */
package org.klipper4j.core.internal.reactor;

/** The reactor's time source: real (monotonic seconds) or simulated (batch mode). */
interface ReactorClock {
    double now();

    /** True if idle time is skipped by jumping the clock instead of sleeping. */
    boolean isSimulated();

    /** Moves a simulated clock forward to {@code time}; ignored by a real clock. */
    void advanceTo(double time);

    static ReactorClock real() {
        return new ReactorClock() {
            private final long base = System.nanoTime();

            @Override
            public double now() {
                // Offset by one second so that no real time collides with Reactor.NOW (0.0).
                return 1.0 + (System.nanoTime() - base) / 1e9;
            }

            @Override
            public boolean isSimulated() {
                return false;
            }

            @Override
            public void advanceTo(double time) {
            }
        };
    }

    static ReactorClock simulated() {
        return new ReactorClock() {
            private double time = 1.0;

            @Override
            public double now() {
                return time;
            }

            @Override
            public boolean isSimulated() {
                return true;
            }

            @Override
            public void advanceTo(double t) {
                if (t > time) {
                    time = t;
                }
            }
        };
    }
}
