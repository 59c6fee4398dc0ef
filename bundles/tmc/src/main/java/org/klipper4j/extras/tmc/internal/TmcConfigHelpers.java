/* klipper4j - a Klipper-compatible printer host. GPL-3.0-only. */
package org.klipper4j.extras.tmc.internal;

import java.util.LinkedHashMap;
import java.util.Map;
import org.klipper4j.core.api.Bounds;
import org.klipper4j.core.api.ConfigException;
import org.klipper4j.core.api.ConfigSection;

/** The option helpers every family shares: microsteps, wave table, velocity thresholds. */
final class TmcConfigHelpers {
    private TmcConfigHelpers() {
    }

    static String stepperName(ConfigSection config) {
        String n = config.getName().trim();
        int sp = n.indexOf(' ');
        return sp < 0 ? "" : n.substring(sp + 1).trim();
    }

    /** MRES from the stepper section's {@code microsteps}, INTPOL from {@code interpolate}. */
    static void microsteps(ConfigSection config, FieldHelper fields) {
        String stepper = stepperName(config);
        if (!config.hasSection(stepper)) {
            throw new ConfigException("Could not find config section '[" + stepper + "]' required by tmc driver");
        }
        ConfigSection sconfig = config.getSection(stepper);
        Map<String, Integer> steps = new LinkedHashMap<>();
        int mres = 0;
        for (int s = 256; s >= 1; s >>= 1) {
            steps.put(Integer.toString(s), mres++);
        }
        fields.setField("mres", sconfig.getChoice("microsteps", steps, null));
        fields.setField("intpol", config.getBoolean("interpolate", true));
    }

    static void waveTable(ConfigSection config, FieldHelper f) {
        f.setConfigField(config, "mslut0", 0xAAAAB554L);
        f.setConfigField(config, "mslut1", 0x4A9554AAL);
        f.setConfigField(config, "mslut2", 0x24492929L);
        f.setConfigField(config, "mslut3", 0x10104222L);
        f.setConfigField(config, "mslut4", 0xFBFFFFFFL);
        f.setConfigField(config, "mslut5", 0xB5BB777DL);
        f.setConfigField(config, "mslut6", 0x49295556L);
        f.setConfigField(config, "mslut7", 0x00404222L);
        f.setConfigField(config, "w0", 2);
        f.setConfigField(config, "w1", 1);
        f.setConfigField(config, "w2", 1);
        f.setConfigField(config, "w3", 1);
        f.setConfigField(config, "x1", 128);
        f.setConfigField(config, "x2", 255);
        f.setConfigField(config, "x3", 255);
        f.setConfigField(config, "start_sin", 0);
        f.setConfigField(config, "start_sin90", 247);
    }

    /** Distance of one full step of the driver's stepper, from the stepper section. */
    static double stepDistance(ConfigSection config) {
        ConfigSection s = config.getSection(stepperName(config));
        double rotation = s.getFloat("rotation_distance");
        int fullSteps = s.getInt("full_steps_per_rotation", 200, 1, null);
        int micro = s.getInt("microsteps");
        double gear = 1.;
        String ratio = s.get("gear_ratio", null);
        if (ratio != null) {
            for (String pair : ratio.split(",")) {
                String[] g = pair.split(":");
                try {
                    gear *= Double.parseDouble(g[0].trim()) / Double.parseDouble(g[1].trim());
                } catch (RuntimeException e) {
                    throw new ConfigException("Unable to parse gear_ratio '" + ratio + "' in section '"
                            + s.getName() + "'");
                }
            }
        }
        return rotation / (fullSteps * micro * gear);
    }

    /** TSTEP value for a velocity (mm/s): the driver clock ticks per 1/256 microstep. */
    static long tstep(double tmcFrequency, long mres, double stepDist, double velocity) {
        if (velocity <= 0.) {
            return 0xfffff;
        }
        double stepDist256 = stepDist / (1L << mres);
        long threshold = (long) (tmcFrequency * stepDist256 / velocity + .5);
        return Math.max(0, Math.min(0xfffff, threshold));
    }

    private static long velocityOption(ConfigSection config, TmcTransport tmc, String option, long dflt) {
        Double v = config.getFloat(option, null, Bounds.min(0.));
        if (v == null) {
            return dflt;
        }
        return tstep(tmc.tmcFrequency(), tmc.fields().getField("mres"), stepDistance(config), v);
    }

    static void stealthchop(ConfigSection config, TmcTransport tmc) {
        FieldHelper f = tmc.fields();
        Double v = config.getFloat("stealthchop_threshold", null, Bounds.min(0.));
        long tpwmthrs = 0xfffff;
        if (v != null) {
            tpwmthrs = tstep(tmc.tmcFrequency(), f.getField("mres"), stepDistance(config), v);
        }
        f.setField("tpwmthrs", tpwmthrs);
        boolean enPwm = v != null;
        if (f.lookupRegister("en_pwm_mode") != null) {
            f.setField("en_pwm_mode", enPwm);
        } else {
            f.setField("en_spreadcycle", !enPwm);
        }
    }

    static void coolstepThreshold(ConfigSection config, TmcTransport tmc) {
        tmc.fields().setField("tcoolthrs", velocityOption(config, tmc, "coolstep_threshold", 0));
    }

    static void highVelocityThreshold(ConfigSection config, TmcTransport tmc) {
        tmc.fields().setField("thigh", velocityOption(config, tmc, "high_velocity_threshold", 0));
    }
}
