/* klipper4j - a Klipper-compatible printer host. GPL-3.0-only. */
package org.klipper4j.extras.tmc.internal;

import org.klipper4j.core.api.ConfigException;
import org.klipper4j.core.api.ConfigSection;

/**
 * Builds a driver of each family: transport, current helper, commands, and the
 * register defaults Klipper uses, set in Klipper's order (that order is the
 * order registers are written at connect).
 */
final class TmcFamilies {
    static final double TMC2130_FREQUENCY = 13200000.;
    static final double TMC5160_FREQUENCY = 12000000.;
    static final double TMC2240_FREQUENCY = 12500000.;
    static final double TMC2208_FREQUENCY = 12000000.;

    private TmcFamilies() {
    }

    static TmcDriver tmc2130(ConfigSection config) {
        FieldHelper f = new FieldHelper(TmcRegisterMaps.tmc2130());
        TmcTransport tmc = new TmcSpiTransport(config, f, TMC2130_FREQUENCY);
        new TmcVirtualPin(config, tmc);
        CurrentHelper current = new VsenseCurrentHelper(config, tmc);
        TmcCommandHelper cmd = new TmcCommandHelper(config, "tmc2130", tmc, current);
        cmd.setupRegisterDump(f.map().readRegisters(), null);
        TmcConfigHelpers.waveTable(config, f);
        TmcConfigHelpers.stealthchop(config, tmc);
        TmcConfigHelpers.coolstepThreshold(config, tmc);
        TmcConfigHelpers.highVelocityThreshold(config, tmc);
        set(config, f, "toff", 4, "hstrt", 0, "hend", 7, "tbl", 1, "vhighfs", 0, "vhighchm", 0,
                "semin", 0, "seup", 0, "semax", 0, "sedn", 0, "seimin", 0, "sgt", 0, "sfilt", 0,
                "iholddelay", 8, "pwm_ampl", 128, "pwm_grad", 4, "pwm_freq", 1, "pwm_autoscale", 1,
                "tpowerdown", 0);
        return new TmcDriver(tmc, cmd);
    }

    static TmcDriver tmc5160(ConfigSection config) {
        FieldHelper f = new FieldHelper(TmcRegisterMaps.tmc5160());
        TmcTransport tmc = new TmcSpiTransport(config, f, TMC5160_FREQUENCY);
        new TmcVirtualPin(config, tmc);
        CurrentHelper current = GlobalScalerCurrentHelper.tmc5160(config, tmc);
        TmcCommandHelper cmd = new TmcCommandHelper(config, "tmc5160", tmc, current);
        cmd.setupRegisterDump(f.map().readRegisters(), null);
        TmcConfigHelpers.waveTable(config, f);
        TmcConfigHelpers.stealthchop(config, tmc);
        TmcConfigHelpers.coolstepThreshold(config, tmc);
        TmcConfigHelpers.highVelocityThreshold(config, tmc);
        set(config, f, "multistep_filt", 1,
                "toff", 3, "hstrt", 5, "hend", 2, "fd3", 0, "disfdcc", 0, "chm", 0, "tbl", 2, "vhighfs", 0,
                "vhighchm", 0, "tpfd", 4, "diss2g", 0, "diss2vs", 0,
                "semin", 0, "seup", 0, "semax", 0, "sedn", 0, "seimin", 0, "sgt", 0, "sfilt", 0,
                "drvstrength", 0, "bbmclks", 4, "bbmtime", 0, "filt_isense", 0,
                "iholddelay", 6,
                "pwm_ofs", 30, "pwm_grad", 0, "pwm_freq", 0, "pwm_autoscale", 1, "pwm_autograd", 1,
                "freewheel", 0, "pwm_reg", 4, "pwm_lim", 12,
                "tpowerdown", 10);
        return new TmcDriver(tmc, cmd);
    }

    static TmcDriver tmc2240(ConfigSection config) {
        FieldHelper f = new FieldHelper(TmcRegisterMaps.tmc2240());
        TmcTransport tmc = new TmcSpiTransport(config, f, TMC2240_FREQUENCY);
        new TmcVirtualPin(config, tmc);
        CurrentHelper current = GlobalScalerCurrentHelper.tmc2240(config, tmc);
        TmcCommandHelper cmd = new TmcCommandHelper(config, "tmc2240", tmc, current);
        cmd.setupRegisterDump(f.map().readRegisters(), null);
        TmcConfigHelpers.waveTable(config, f);
        f.setConfigField(config, "offset_sin90", 0);
        TmcConfigHelpers.stealthchop(config, tmc);
        TmcConfigHelpers.coolstepThreshold(config, tmc);
        TmcConfigHelpers.highVelocityThreshold(config, tmc);
        set(config, f, "multistep_filt", 1,
                "toff", 3, "hstrt", 5, "hend", 2, "fd3", 0, "disfdcc", 0, "chm", 0, "tbl", 2, "vhighfs", 0,
                "vhighchm", 0, "tpfd", 4, "diss2g", 0, "diss2vs", 0,
                "semin", 0, "seup", 0, "semax", 0, "sedn", 0, "seimin", 0, "sgt", 0, "sfilt", 0,
                "iholddelay", 6, "irundelay", 4,
                "pwm_ofs", 29, "pwm_grad", 0, "pwm_freq", 0, "pwm_autoscale", 1, "pwm_autograd", 1,
                "freewheel", 0, "pwm_reg", 4, "pwm_lim", 12,
                "tpowerdown", 10,
                "sg4_angle_offset", 1, "slope_control", 0);
        return new TmcDriver(tmc, cmd);
    }

    static TmcDriver tmc2660(ConfigSection config) {
        FieldHelper f = new FieldHelper(TmcRegisterMaps.tmc2660());
        f.setField("sdoff", 0); // DRVCTRL in step/dir mode
        TmcTransport tmc = new Tmc2660SpiTransport(config, f);
        CurrentHelper current = new Tmc2660CurrentHelper(config, tmc);
        TmcCommandHelper cmd = new TmcCommandHelper(config, "tmc2660", tmc, current);
        cmd.setupRegisterDump(f.map().readRegisters(), null);
        set(config, f, "tbl", 2, "rndtf", 0, "hdec", 0, "chm", 0, "hend", 3, "hstrt", 3, "toff", 4);
        if (f.getField("chm") == 0 && f.getField("hstrt") + f.getField("hend") > 15) {
            throw new ConfigException("driver_HEND + driver_HSTRT must be <= 15");
        }
        set(config, f, "seimin", 0, "sedn", 0, "semax", 0, "seup", 0, "semin", 0,
                "sfilt", 0, "sgt", 0,
                "slph", 0, "slpl", 0, "diss2g", 0, "ts2g", 3);
        return new TmcDriver(tmc, cmd);
    }

    static TmcDriver tmc2208(ConfigSection config) {
        FieldHelper f = new FieldHelper(TmcRegisterMaps.tmc2208());
        TmcTransport tmc = new TmcUartTransport(config, f, 0, TMC2208_FREQUENCY);
        CurrentHelper current = new VsenseCurrentHelper(config, tmc);
        TmcCommandHelper cmd = new TmcCommandHelper(config, "tmc2208", tmc, current);
        cmd.setupRegisterDump(f.map().readRegisters(), (reg, val) -> !reg.equals("IOIN") ? reg
                : f.getField("sel_a", val, "IOIN@TMC222x") != 0 ? "IOIN@TMC220x" : "IOIN@TMC222x");
        uartCommon(config, tmc);
        return new TmcDriver(tmc, cmd);
    }

    static TmcDriver tmc2209(ConfigSection config) {
        FieldHelper f = new FieldHelper(TmcRegisterMaps.tmc2209());
        TmcTransport tmc = new TmcUartTransport(config, f, 3, TMC2208_FREQUENCY);
        new TmcVirtualPin(config, tmc);
        CurrentHelper current = new VsenseCurrentHelper(config, tmc);
        TmcCommandHelper cmd = new TmcCommandHelper(config, "tmc2209", tmc, current);
        cmd.setupRegisterDump(f.map().readRegisters(), null);
        uartCommon(config, tmc);
        TmcConfigHelpers.coolstepThreshold(config, tmc);
        set(config, f, "semin", 0, "seup", 0, "semax", 0, "sedn", 0, "seimin", 0, "sgthrs", 0);
        return new TmcDriver(tmc, cmd);
    }

    private static void uartCommon(ConfigSection config, TmcTransport tmc) {
        FieldHelper f = tmc.fields();
        f.setField("pdn_disable", true);
        f.setField("mstep_reg_select", true);
        f.setField("multistep_filt", true);
        TmcConfigHelpers.stealthchop(config, tmc);
        set(config, f, "toff", 3, "hstrt", 5, "hend", 0, "tbl", 2, "iholddelay", 8, "tpowerdown", 20,
                "pwm_ofs", 36, "pwm_grad", 14, "pwm_freq", 1, "pwm_autoscale", 1, "pwm_autograd", 1,
                "pwm_reg", 8, "pwm_lim", 12);
    }

    /** Config-overridable fields with their defaults: alternating names and values. */
    private static void set(ConfigSection config, FieldHelper f, Object... nameDefault) {
        for (int i = 0; i < nameDefault.length; i += 2) {
            f.setConfigField(config, (String) nameDefault[i], ((Number) nameDefault[i + 1]).longValue());
        }
    }
}
