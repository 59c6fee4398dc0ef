/* klipper4j - a Klipper-compatible printer host. GPL-3.0-only. */
package org.klipper4j.extras.tmc.internal;

import org.klipper4j.core.api.Bounds;
import org.klipper4j.core.api.ConfigSection;

/**
 * Current for TMC2130/2208/2209: IRUN/IHOLD (0..31) against the sense resistor
 * (+20mOhm), with VSENSE (0.18V full scale) preferred and 0.32V used only when it
 * gets closer to a current above what VSENSE reaches.
 */
final class VsenseCurrentHelper implements CurrentHelper {
    static final double MAX_CURRENT = 2.000;

    private final TmcTransport tmc;
    private final FieldHelper fields;
    private final double senseResistor;
    private double reqHoldCurrent;

    VsenseCurrentHelper(ConfigSection config, TmcTransport tmc) {
        this.tmc = tmc;
        this.fields = tmc.fields();
        double run = RequiredFloat.read(config, "run_current", Bounds.above(0.).andMax(MAX_CURRENT));
        double hold = config.getFloat("hold_current", MAX_CURRENT, Bounds.above(0.).andMax(MAX_CURRENT));
        this.reqHoldCurrent = hold;
        this.senseResistor = config.getFloat("sense_resistor", 0.110, Bounds.above(0.));
        Bits b = calcCurrent(run, hold);
        fields.setField("vsense", b.vsense);
        fields.setField("ihold", b.ihold);
        fields.setField("irun", b.irun);
    }

    record Bits(boolean vsense, int irun, int ihold) {
    }

    int calcCurrentBits(double current, boolean vsense) {
        double sr = senseResistor + 0.020;
        double vref = vsense ? 0.18 : 0.32;
        int cs = (int) (32. * sr * current * Math.sqrt(2.) / vref + .5) - 1;
        return Math.max(0, Math.min(31, cs));
    }

    double calcCurrentFromBits(long cs, boolean vsense) {
        double sr = senseResistor + 0.020;
        double vref = vsense ? 0.18 : 0.32;
        return (cs + 1) * vref / (32. * sr * Math.sqrt(2.));
    }

    Bits calcCurrent(double run, double hold) {
        boolean vsense = true;
        int irun = calcCurrentBits(run, true);
        if (irun == 31) {
            double cur = calcCurrentFromBits(irun, true);
            if (cur < run) {
                int irun2 = calcCurrentBits(run, false);
                double cur2 = calcCurrentFromBits(irun2, false);
                if (Math.abs(run - cur2) < Math.abs(run - cur)) {
                    vsense = false;
                    irun = irun2;
                }
            }
        }
        int ihold = calcCurrentBits(Math.min(hold, run), vsense);
        return new Bits(vsense, irun, ihold);
    }

    @Override
    public Currents getCurrent() {
        boolean vsense = fields.getField("vsense") != 0;
        return new Currents(calcCurrentFromBits(fields.getField("irun"), vsense),
                calcCurrentFromBits(fields.getField("ihold"), vsense), reqHoldCurrent, MAX_CURRENT);
    }

    @Override
    public void setCurrent(double run, double hold, double printTime) {
        reqHoldCurrent = hold;
        Bits b = calcCurrent(run, hold);
        if (b.vsense != (fields.getField("vsense") != 0)) {
            long val = fields.setField("vsense", b.vsense);
            tmc.setRegister("CHOPCONF", val, printTime);
        }
        fields.setField("ihold", b.ihold);
        long val = fields.setField("irun", b.irun);
        tmc.setRegister("IHOLD_IRUN", val, printTime);
    }
}
