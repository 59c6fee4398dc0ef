/* klipper4j - a Klipper-compatible printer host. GPL-3.0-only. */
package org.klipper4j.extras.tmc.internal;

import org.klipper4j.core.api.Bounds;
import org.klipper4j.core.api.ConfigSection;

/**
 * Current for TMC5160 and TMC2240: GLOBALSCALER (32..255, 0 meaning 256) scales the
 * full-scale current, IRUN/IHOLD pick the fraction. The full scale is
 * {@code VREF/sense_resistor/sqrt(2)} on the 5160 and {@code KIFS/rref/sqrt(2)} of
 * the chosen current range on the 2240.
 */
final class GlobalScalerCurrentHelper implements CurrentHelper {
    static final double VREF_5160 = 0.325;
    static final double MAX_CURRENT_5160 = 10.000;
    private static final double[] KIFS_2240 = {11750., 24000., 36000., 36000.};

    private final TmcTransport tmc;
    private final FieldHelper fields;
    private final boolean is2240;
    private final double rref;
    private final double senseResistor;
    private double reqHoldCurrent;

    static GlobalScalerCurrentHelper tmc5160(ConfigSection config, TmcTransport tmc) {
        return new GlobalScalerCurrentHelper(config, tmc, false);
    }

    static GlobalScalerCurrentHelper tmc2240(ConfigSection config, TmcTransport tmc) {
        return new GlobalScalerCurrentHelper(config, tmc, true);
    }

    private GlobalScalerCurrentHelper(ConfigSection config, TmcTransport tmc, boolean is2240) {
        this.tmc = tmc;
        this.fields = tmc.fields();
        this.is2240 = is2240;
        this.rref = is2240 ? config.getFloat("rref", 12000., Bounds.range(12000., 60000.)) : 0;
        double maxCur = is2240 ? ifsRms(3) : MAX_CURRENT_5160;
        double run = RequiredFloat.read(config, "run_current", Bounds.above(0.).andMax(maxCur));
        double hold = config.getFloat("hold_current", maxCur, Bounds.above(0.).andMax(maxCur));
        this.reqHoldCurrent = hold;
        this.senseResistor = is2240 ? 0 : config.getFloat("sense_resistor", 0.075, Bounds.above(0.));
        if (is2240) {
            fields.setField("current_range", calcCurrentRange(run));
        }
        int gs = calcGlobalScaler(run);
        fields.setField("globalscaler", gs);
        fields.setField("ihold", calcCurrentBits(Math.min(hold, run), gs));
        fields.setField("irun", calcCurrentBits(run, gs));
    }

    private double ifsRms(int range) {
        return KIFS_2240[range] / rref / Math.sqrt(2.);
    }

    /** The full-scale RMS current with GLOBALSCALER at 256. */
    private double fullScale() {
        if (is2240) {
            return ifsRms((int) fields.getField("current_range"));
        }
        return VREF_5160 / (Math.sqrt(2.) * senseResistor);
    }

    private int calcCurrentRange(double current) {
        int range = 0;
        for (; range < 4; range++) {
            if (current <= ifsRms(range)) {
                break;
            }
        }
        return Math.min(range, 3);
    }

    int calcGlobalScaler(double current) {
        int gs;
        if (is2240) {
            gs = (int) (current * 256. / fullScale() + .5);
        } else {
            gs = (int) (current * 256. * Math.sqrt(2.) * senseResistor / VREF_5160 + .5);
        }
        gs = Math.max(32, gs);
        return gs >= 256 ? 0 : gs;
    }

    int calcCurrentBits(double current, int globalscaler) {
        int gs = globalscaler == 0 ? 256 : globalscaler;
        int cs;
        if (is2240) {
            cs = (int) (current * 256. * 32. / (gs * fullScale()) - 1. + .5);
        } else {
            cs = (int) (current * 256. * 32. * Math.sqrt(2.) * senseResistor / (gs * VREF_5160) - 1. + .5);
        }
        return Math.max(0, Math.min(31, cs));
    }

    private double currentFromField(String field) {
        long gs = fields.getField("globalscaler");
        if (gs == 0) {
            gs = 256;
        }
        return gs * (fields.getField(field) + 1) * fullScale() / (256. * 32.);
    }

    @Override
    public Currents getCurrent() {
        double max = is2240 ? fullScale() : MAX_CURRENT_5160;
        return new Currents(currentFromField("irun"), currentFromField("ihold"), reqHoldCurrent, max);
    }

    @Override
    public void setCurrent(double run, double hold, double printTime) {
        reqHoldCurrent = hold;
        int gs = calcGlobalScaler(run);
        long val = fields.setField("globalscaler", gs);
        tmc.setRegister("GLOBALSCALER", val, printTime);
        fields.setField("ihold", calcCurrentBits(Math.min(hold, run), gs));
        val = fields.setField("irun", calcCurrentBits(run, gs));
        tmc.setRegister("IHOLD_IRUN", val, printTime);
    }
}
