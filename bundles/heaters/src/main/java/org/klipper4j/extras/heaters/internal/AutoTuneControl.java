/* klipper4j - a Klipper-compatible printer host. GPL-3.0-only. */
package org.klipper4j.extras.heaters.internal;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import org.klipper4j.extras.heaters.api.Heater;
import org.klipper4j.extras.heaters.api.HeaterControl;

/**
 * PID_CALIBRATE's relay test: full power below the target, off above it, hysteresis
 * of TUNE_PID_DELTA. The oscillation's amplitude and period give the ultimate gain and
 * period (Astrom-Hagglund), turned into PID gains by Ziegler-Nichols.
 */
final class AutoTuneControl implements HeaterControl {
    static final double TUNE_PID_DELTA = 5.0;
    /** Peaks recorded before the test ends. */
    static final int PEAKS_NEEDED = 12;

    private final Heater heater;
    private final double maxPower;
    private final double calibrateTemp;
    private boolean heating;
    private double peak;
    private double peakTime;
    private final List<double[]> peaks = new ArrayList<>();

    AutoTuneControl(Heater heater, double target) {
        this.heater = heater;
        this.maxPower = heater.getMaxPower();
        this.calibrateTemp = target;
    }

    @Override
    public void temperatureUpdate(double readTime, double temp, double targetTemp) {
        if (heating && temp >= targetTemp) {
            heating = false;
            checkPeaks();
            heater.alterTarget(calibrateTemp - TUNE_PID_DELTA);
        } else if (!heating && temp <= targetTemp) {
            heating = true;
            checkPeaks();
            heater.alterTarget(calibrateTemp);
        }
        if (heating) {
            heater.setPwm(readTime, maxPower);
            if (temp < peak) {
                peak = temp;
                peakTime = readTime;
            }
        } else {
            heater.setPwm(readTime, 0.);
            if (temp > peak) {
                peak = temp;
                peakTime = readTime;
            }
        }
    }

    @Override
    public boolean checkBusy(double eventtime, double smoothedTemp, double targetTemp) {
        return heating || peaks.size() < PEAKS_NEEDED;
    }

    private void checkPeaks() {
        peaks.add(new double[] {peak, peakTime});
        peak = heating ? 9999999. : -9999999.;
    }

    /** {Kp, Ki, Kd} in Klipper's units from the cycle ending at peak {@code pos}. */
    double[] calcPid(int pos) {
        double tempDiff = peaks.get(pos)[0] - peaks.get(pos - 1)[0];
        double timeDiff = peaks.get(pos)[1] - peaks.get(pos - 2)[1];
        double amplitude = .5 * Math.abs(tempDiff);
        double ku = 4. * maxPower / (Math.PI * amplitude);
        double tu = timeDiff;
        double ti = 0.5 * tu;
        double td = 0.125 * tu;
        double kp = 0.6 * ku * PidControl.PID_PARAM_BASE;
        return new double[] {kp, kp / ti, kp * td};
    }

    /** The gains of the cycle with the median period (the first cycles are skipped). */
    double[] calcFinalPid() {
        List<double[]> cycles = new ArrayList<>();
        for (int pos = 4; pos < peaks.size(); pos++) {
            cycles.add(new double[] {peaks.get(pos)[1] - peaks.get(pos - 2)[1], pos});
        }
        cycles.sort(Comparator.<double[]>comparingDouble(c -> c[0]).thenComparingDouble(c -> c[1]));
        return calcPid((int) cycles.get(cycles.size() / 2)[1]);
    }
}
