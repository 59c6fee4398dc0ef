/* klipper4j - a Klipper-compatible printer host. GPL-3.0-only. */
package org.klipper4j.mcu.internal.clock;

/**
 * The clock of an extra MCU ({@code [mcu NAME]}), as Klipper's SecondarySync: its print
 * time follows the main MCU's, by an offset and an adjusted frequency recalculated so
 * both agree again a few seconds ahead.
 */
public final class SecondaryClockSync extends ClockSync {
    private final ClockSync main;
    private double adjustedOffset;
    private double adjustedFreq = 1.;
    private double lastSyncTime;

    public SecondaryClockSync(ClockSync main) {
        this.main = main;
    }

    /** After {@link #start}: aligns this print time with the main MCU's at {@code curtime}. */
    public void alignWithMain(double curtime) {
        adjustedOffset = 0.;
        adjustedFreq = mcuFreq;
        double mainPrintTime = main.estimatedPrintTime(curtime);
        double localPrintTime = estimatedPrintTime(curtime);
        adjustedOffset = mainPrintTime - localPrintTime;
        calibrateClock(0., curtime);
    }

    @Override
    public void startFile(double freq) {
        super.startFile(freq);
        adjustedOffset = 0.;
        adjustedFreq = freq;
    }

    @Override
    public long printTimeToClock(double printTime) {
        return (long) ((printTime - adjustedOffset) * adjustedFreq);
    }

    @Override
    public double clockToPrintTime(long clock) {
        return clock / adjustedFreq + adjustedOffset;
    }

    @Override
    public String stats() {
        return super.stats() + " adj=" + (long) adjustedFreq;
    }

    @Override
    public double[] calibrateClock(double printTime, double eventtime) {
        ClockEstimate ser = main.getEstimate();
        double mainMcuFreq = main.getMcuFreq();
        double estMainClock = (eventtime - ser.sampleTime()) * ser.freq() + ser.clock();
        double estPrintTime = estMainClock / mainMcuFreq;
        double sync1PrintTime = Math.max(printTime, estPrintTime);
        double sync2PrintTime = Math.max(Math.max(sync1PrintTime + 4., lastSyncTime),
                printTime + 2.5 * (printTime - estPrintTime));
        double sync2MainClock = sync2PrintTime * mainMcuFreq;
        double sync2SysTime = ser.sampleTime() + (sync2MainClock - ser.clock()) / ser.freq();
        long sync1Clock = printTimeToClock(sync1PrintTime);
        long sync2Clock = getClock(sync2SysTime);
        double freq = (sync2Clock - sync1Clock) / (sync2PrintTime - sync1PrintTime);
        adjustedOffset = sync1PrintTime - sync1Clock / freq;
        adjustedFreq = freq;
        lastSyncTime = sync2PrintTime;
        return new double[] {adjustedOffset, adjustedFreq};
    }
}
