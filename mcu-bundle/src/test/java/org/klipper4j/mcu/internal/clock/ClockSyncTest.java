/* klipper4j - a Klipper-compatible printer host. GPL-3.0-only. */
package org.klipper4j.mcu.internal.clock;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

/** The clock regression, 32-bit extension, liveness and secondary MCU alignment. */
class ClockSyncTest {
    private static final double NOMINAL = 16_000_000.;

    /** An MCU whose crystal runs {@code ppm} fast, clock {@code offset} at host time 0. */
    private static long mcuClock(double hostTime, double ppm, long offset) {
        return offset + (long) (hostTime * NOMINAL * (1 + ppm / 1e6));
    }

    private static ClockSync synced(double ppm, long offset, List<double[]> serialEstimates) {
        ClockSync sync = new ClockSync();
        sync.start(NOMINAL, mcuClock(0.5, ppm, offset), 0.5,
                (f, t, c, l) -> serialEstimates.add(new double[] {f, t, c}));
        // samples once a second, half-rtt 100 us
        for (int i = 1; i <= 120; i++) {
            double sent = 0.5 + i * 0.9839;
            sync.noteQuerySent();
            sync.handleClock(mcuClock(sent + 0.0001, ppm, offset) & 0xffffffffL, sent, sent + 0.0002);
        }
        return sync;
    }

    @Test
    void regressionFindsTheRealFrequency() {
        List<double[]> serial = new ArrayList<>();
        ClockSync sync = synced(50., 1_000_000L, serial);
        double realFreq = NOMINAL * (1 + 50e-6);
        assertEquals(realFreq, sync.getEstimate().freq(), 8.0, "within 8 Hz (0.5 ppm)");
        double t = 130.;
        assertEquals(mcuClock(t, 50., 1_000_000L), sync.getClock(t), 200, "clock predicted within 12.5 us");
        assertEquals(121, serial.size(), "the serial queue gets every update");
        assertEquals(realFreq, serial.get(120)[0], 8.0);
    }

    @Test
    void clockWrapsAre64Bit() {
        ClockSync sync = synced(0., 0xfff00000L, new ArrayList<>());
        long last = sync.getLastClock();
        assertTrue(last > 0xffffffffL, "the 32-bit clock wrapped during the samples");
        assertEquals(last + 100, sync.clock32ToClock64((last + 100) & 0xffffffffL));
        assertEquals(last - 100, sync.clock32ToClock64((last - 100) & 0xffffffffL));
    }

    @Test
    void fiveUnansweredQueriesMeanTheMcuIsLost() {
        ClockSync sync = synced(0., 0, new ArrayList<>());
        for (int i = 0; i < 4; i++) {
            sync.noteQuerySent();
        }
        assertTrue(sync.isActive());
        sync.noteQuerySent();
        assertFalse(sync.isActive());
    }

    @Test
    void printTimeIsClockOverNominalFrequency() {
        ClockSync sync = new ClockSync();
        sync.startFile(NOMINAL);
        assertEquals(16_000_000L, sync.printTimeToClock(1.0));
        assertEquals(0.5, sync.clockToPrintTime(8_000_000L));
        assertEquals(32_000_000L, sync.getClock(2.0));
    }

    @Test
    void secondaryMcuPrintTimeFollowsTheMain() {
        ClockSync main = synced(0., 0, new ArrayList<>());
        SecondaryClockSync second = new SecondaryClockSync(main);
        second.start(NOMINAL, mcuClock(0.5, 80., 5_000_000L), 0.5, (f, t, c, l) -> { });
        for (int i = 1; i <= 120; i++) {
            double sent = 0.5 + i * 0.9839;
            second.handleClock(mcuClock(sent + 0.0001, 80., 5_000_000L) & 0xffffffffL, sent, sent + 0.0002);
        }
        double now = 119.;
        second.alignWithMain(now);
        double[] adj = second.calibrateClock(main.estimatedPrintTime(now) + 0.1, now);
        // a print time 4 s ahead must map to the same host time on both MCUs
        double printTime = main.estimatedPrintTime(now) + 4.1;
        double mainHost = main.estimateClockSystime(main.printTimeToClock(printTime));
        double secondHost = second.estimateClockSystime(second.printTimeToClock(printTime));
        assertEquals(mainHost, secondHost, 50e-6, "within 50 us");
        assertEquals(NOMINAL * (1 + 80e-6), adj[1], NOMINAL * 5e-6, "adjusted frequency near the real one");
    }
}
