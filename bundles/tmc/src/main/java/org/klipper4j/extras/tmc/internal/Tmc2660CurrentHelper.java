/* klipper4j - a Klipper-compatible printer host. GPL-3.0-only. */
package org.klipper4j.extras.tmc.internal;

import org.klipper4j.core.api.Bounds;
import org.klipper4j.core.api.ConfigSection;

/** Current for TMC2660: CS (0..31) against the sense resistor, VSENSE 0.165V preferred over 0.310V. */
final class Tmc2660CurrentHelper implements CurrentHelper {
    static final double MAX_CURRENT = 2.400;

    private final TmcTransport tmc;
    private final FieldHelper fields;
    private final double senseResistor;
    private double current;

    Tmc2660CurrentHelper(ConfigSection config, TmcTransport tmc) {
        this.tmc = tmc;
        this.fields = tmc.fields();
        this.current = RequiredFloat.read(config, "run_current", Bounds.range(0.1, MAX_CURRENT));
        this.senseResistor = config.getFloat("sense_resistor");
        int[] vc = calcCurrent(current);
        fields.setField("cs", vc[1]);
        fields.setField("vsense", vc[0]);
        // idle_current_percent needs idle_timeout events; read so the option is accepted
        config.getInt("idle_current_percent", 100, 0, 100);
    }

    private int bits(double cur, boolean vsense) {
        double vref = vsense ? 0.165 : 0.310;
        int cs = (int) (32. * senseResistor * cur * Math.sqrt(2.) / vref + .5) - 1;
        return Math.max(0, Math.min(31, cs));
    }

    private double fromBits(int cs, boolean vsense) {
        double vref = vsense ? 0.165 : 0.310;
        return (cs + 1) * vref / (32. * senseResistor * Math.sqrt(2.));
    }

    /** {vsense, cs}. */
    int[] calcCurrent(double run) {
        boolean vsense = true;
        int irun = bits(run, true);
        if (irun == 31) {
            double cur = fromBits(irun, true);
            if (cur < run) {
                int irun2 = bits(run, false);
                double cur2 = fromBits(irun2, false);
                if (Math.abs(run - cur2) < Math.abs(run - cur)) {
                    vsense = false;
                    irun = irun2;
                }
            }
        }
        return new int[] {vsense ? 1 : 0, irun};
    }

    @Override
    public Currents getCurrent() {
        return new Currents(current, null, null, MAX_CURRENT);
    }

    @Override
    public void setCurrent(double run, double hold, double printTime) {
        current = run;
        int[] vc = calcCurrent(run);
        long val = fields.setField("cs", vc[1]);
        tmc.setRegister("SGCSCONF", val, printTime);
        if (vc[0] != fields.getField("vsense")) {
            val = fields.setField("vsense", vc[0]);
            tmc.setRegister("DRVCONF", val, printTime);
        }
    }
}
