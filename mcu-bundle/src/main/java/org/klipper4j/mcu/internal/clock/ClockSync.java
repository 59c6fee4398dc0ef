/* klipper4j - a Klipper-compatible printer host. GPL-3.0-only. */
package org.klipper4j.mcu.internal.clock;

import java.util.Locale;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The host's estimate of the main MCU's clock, as Klipper's clocksync: each
 * {@code clock} response (sent about once a second) feeds an exponentially decaying
 * linear regression of MCU clock against host send time; outliers are dropped, and
 * the best round-trip time seen (slowly aged) sets where the estimate is anchored.
 * Print time of the main MCU is its clock divided by its nominal frequency.
 */
public class ClockSync {
    private static final Logger LOG = LoggerFactory.getLogger(ClockSync.class);
    /** How fast a good round-trip time loses its weight (seconds per host second). */
    static final double RTT_AGE = .000010 / (60. * 60.);
    /** Weight of each new sample in the regression. */
    static final double DECAY = 1. / 30.;
    /** Margin so commands are never scheduled as if sent earlier than they are. */
    static final double TRANSMIT_EXTRA = .001;
    /** More unanswered clock queries than this and the MCU counts as lost. */
    static final int MAX_QUERIES_PENDING = 4;

    protected double mcuFreq = 1.;
    private long lastClock;
    private ClockEstimate clockEst = new ClockEstimate(0., 0., 0.);
    private double minHalfRtt = 999999999.9;
    private double minRttTime;
    private double timeAvg;
    private double timeVariance;
    private double clockAvg;
    private double clockCovariance;
    private double predictionVariance;
    private double lastPredictionTime;
    private int queriesPending;
    private SerialClockTarget serial = (f, t, c, l) -> { };

    /** Starts from the MCU's nominal frequency and its uptime clock read at {@code sentTime}. */
    public void start(double freq, long uptimeClock, double sentTime, SerialClockTarget target) {
        this.mcuFreq = freq;
        this.serial = target;
        lastClock = uptimeClock;
        clockAvg = uptimeClock;
        timeAvg = sentTime;
        clockEst = new ClockEstimate(timeAvg, clockAvg, mcuFreq);
        predictionVariance = Math.pow(.001 * mcuFreq, 2);
        target.setClockEstimate(mcuFreq, sentTime, uptimeClock, uptimeClock);
    }

    /**
     * Batch mode: nothing is read, the clock starts at 0 at host time 0 and runs at the
     * nominal frequency; the serial side schedules as if the MCU were infinitely fast.
     */
    public void startFile(double freq) {
        this.mcuFreq = freq;
        clockEst = new ClockEstimate(0., 0., freq);
    }

    /** Before the first regular samples: Klipper ignores the outlier filter's history. */
    public void forgetPrediction() {
        lastPredictionTime = -9999.;
    }

    /** A {@code get_clock} query went out. */
    public void noteQuerySent() {
        queriesPending++;
    }

    /** Handles a {@code clock} response (32-bit clock) sent at {@code sentTime}, received at {@code receiveTime}. */
    public void handleClock(long clock32, double sentTime, double receiveTime) {
        queriesPending = 0;
        long clockDelta = (clock32 - lastClock) & 0xffffffffL;
        long clock = lastClock + clockDelta;
        lastClock = clock;
        if (sentTime == 0.) {
            return;
        }
        double halfRtt = .5 * (receiveTime - sentTime);
        double agedRtt = (sentTime - minRttTime) * RTT_AGE;
        if (halfRtt < minHalfRtt + agedRtt) {
            minHalfRtt = halfRtt;
            minRttTime = sentTime;
            LOG.debug("new minimum rtt {}: hrtt={} freq={}", sentTime, halfRtt, clockEst.freq());
        }
        double expClock = (sentTime - timeAvg) * clockEst.freq() + clockAvg;
        double clockDiff2 = Math.pow(clock - expClock, 2);
        if (clockDiff2 > 25. * predictionVariance && clockDiff2 > Math.pow(.000500 * mcuFreq, 2)) {
            if (clock > expClock && sentTime < lastPredictionTime + 10.) {
                LOG.debug("Ignoring clock sample {}: freq={} diff={}", sentTime, clockEst.freq(), clock - expClock);
                return;
            }
            LOG.info(String.format(Locale.ROOT, "Resetting prediction variance %.3f: freq=%d diff=%d stddev=%.3f",
                    sentTime, (long) clockEst.freq(), (long) (clock - expClock), Math.sqrt(predictionVariance)));
            predictionVariance = Math.pow(.001 * mcuFreq, 2);
        } else {
            lastPredictionTime = sentTime;
            predictionVariance = (1. - DECAY) * (predictionVariance + clockDiff2 * DECAY);
        }
        double diffSentTime = sentTime - timeAvg;
        timeAvg += DECAY * diffSentTime;
        timeVariance = (1. - DECAY) * (timeVariance + diffSentTime * diffSentTime * DECAY);
        double diffClock = clock - clockAvg;
        clockAvg += DECAY * diffClock;
        clockCovariance = (1. - DECAY) * (clockCovariance + diffSentTime * diffClock * DECAY);
        double newFreq = clockCovariance / timeVariance;
        double predStddev = Math.sqrt(predictionVariance);
        serial.setClockEstimate(newFreq, timeAvg + TRANSMIT_EXTRA, (long) (clockAvg - 3. * predStddev), clock);
        clockEst = new ClockEstimate(timeAvg + minHalfRtt, clockAvg, newFreq);
    }

    public double getMcuFreq() {
        return mcuFreq;
    }

    public ClockEstimate getEstimate() {
        return clockEst;
    }

    public long getLastClock() {
        return lastClock;
    }

    public long printTimeToClock(double printTime) {
        return (long) (printTime * mcuFreq);
    }

    public double clockToPrintTime(long clock) {
        return clock / mcuFreq;
    }

    /** The MCU clock at host time {@code eventtime}. */
    public long getClock(double eventtime) {
        return clockEst.clockAt(eventtime);
    }

    /** The host time the MCU reaches {@code reqclock}. */
    public double estimateClockSystime(long reqclock) {
        return clockEst.timeOf(reqclock);
    }

    public double estimatedPrintTime(double eventtime) {
        return clockToPrintTime(getClock(eventtime));
    }

    public long clock32ToClock64(long clock32) {
        long diff = (clock32 - lastClock) & 0xffffffffL;
        diff -= (diff & 0x80000000L) << 1;
        return lastClock + diff;
    }

    /** False once several clock queries went unanswered. */
    public boolean isActive() {
        return queriesPending <= MAX_QUERIES_PENDING;
    }

    /** This clock's part of the Stats line. */
    public String stats() {
        return "freq=" + (long) clockEst.freq();
    }

    /** The offset and frequency that turn print time into this MCU's clock (the main MCU: 0 and nominal). */
    public double[] calibrateClock(double printTime, double eventtime) {
        return new double[] {0., mcuFreq};
    }

    public String dumpDebug() {
        ClockEstimate e = clockEst;
        return String.format(Locale.ROOT, "clocksync state: mcu_freq=%d last_clock=%d clock_est=(%.3f %d %.3f)"
                + " min_half_rtt=%.6f min_rtt_time=%.3f time_avg=%.3f(%.3f) clock_avg=%.3f(%.3f)"
                + " pred_variance=%.3f", (long) mcuFreq, lastClock, e.sampleTime(), (long) e.clock(), e.freq(),
                minHalfRtt, minRttTime, timeAvg, timeVariance, clockAvg, clockCovariance, predictionVariance);
    }
}
