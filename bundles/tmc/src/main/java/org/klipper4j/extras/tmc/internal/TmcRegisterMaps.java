/* klipper4j - a Klipper-compatible printer host. GPL-3.0-only. */
package org.klipper4j.extras.tmc.internal;

/**
 * The register layouts of the supported families, from the Trinamic datasheets as
 * Klipper names them (field names lower case; DUMP_TMC prints them so).
 */
final class TmcRegisterMaps {
    private TmcRegisterMaps() {
    }

    private static String flag(long v, String text) {
        return v != 0 ? "1(" + text + ")" : "";
    }

    /** The DUMP_TMC formatting shared by all families. */
    private static RegisterMap commonFormats(RegisterMap m) {
        return m.format("i_scale_analog", v -> flag(v, "ExtVREF"))
                .format("shaft", v -> flag(v, "Reverse"))
                .format("reset", v -> flag(v, "Reset"))
                .format("drv_err", v -> flag(v, "ErrorShutdown!"))
                .format("uv_cp", v -> flag(v, "Undervoltage!"))
                .format("version", v -> "0x" + Long.toHexString(v))
                .format("mres", v -> v + "(" + (0x100 >> v) + "usteps)")
                .format("otpw", v -> flag(v, "OvertempWarning!"))
                .format("ot", v -> flag(v, "OvertempError!"))
                .format("s2ga", v -> flag(v, "ShortToGND_A!"))
                .format("s2gb", v -> flag(v, "ShortToGND_B!"))
                .format("ola", v -> flag(v, "OpenLoad_A!"))
                .format("olb", v -> flag(v, "OpenLoad_B!"))
                .format("cs_actual", v -> v != 0 ? Long.toString(v) : "0(Reset?)");
    }

    private static RegisterMap waveTable(RegisterMap m) {
        for (int i = 0; i < 8; i++) {
            m.register("MSLUT" + i, 0x60 + i).fields("MSLUT" + i, "mslut" + i, 0xffffffffL);
        }
        return m.register("MSLUTSEL", 0x68).fields("MSLUTSEL", "x3", 0xFFL << 24, "x2", 0xFF << 16, "x1", 0xFF << 8,
                "w3", 0x03 << 6, "w2", 0x03 << 4, "w1", 0x03 << 2, "w0", 0x03)
                .register("MSLUTSTART", 0x69).fields("MSLUTSTART", "start_sin", 0xFF, "start_sin90", 0xFF << 16);
    }

    static RegisterMap tmc2130() {
        RegisterMap m = new RegisterMap()
                .register("GCONF", 0x00).register("GSTAT", 0x01).register("IOIN", 0x04)
                .register("IHOLD_IRUN", 0x10).register("TPOWERDOWN", 0x11).register("TSTEP", 0x12)
                .register("TPWMTHRS", 0x13).register("TCOOLTHRS", 0x14).register("THIGH", 0x15)
                .register("XDIRECT", 0x2d).register("MSCNT", 0x6a).register("MSCURACT", 0x6b)
                .register("CHOPCONF", 0x6c).register("COOLCONF", 0x6d).register("DCCTRL", 0x6e)
                .register("DRV_STATUS", 0x6f).register("PWMCONF", 0x70).register("PWM_SCALE", 0x71)
                .register("ENCM_CTRL", 0x72).register("LOST_STEPS", 0x73)
                .readRegisters("GCONF", "GSTAT", "IOIN", "TSTEP", "XDIRECT", "MSCNT", "MSCURACT", "CHOPCONF",
                        "DRV_STATUS", "PWM_SCALE", "LOST_STEPS")
                .fields("GCONF", "i_scale_analog", 1, "internal_rsense", 1 << 1, "en_pwm_mode", 1 << 2,
                        "enc_commutation", 1 << 3, "shaft", 1 << 4, "diag0_error", 1 << 5, "diag0_otpw", 1 << 6,
                        "diag0_stall", 1 << 7, "diag1_stall", 1 << 8, "diag1_index", 1 << 9,
                        "diag1_onstate", 1 << 10, "diag1_steps_skipped", 1 << 11, "diag0_int_pushpull", 1 << 12,
                        "diag1_pushpull", 1 << 13, "small_hysteresis", 1 << 14, "stop_enable", 1 << 15,
                        "direct_mode", 1 << 16, "test_mode", 1 << 17)
                .fields("GSTAT", "reset", 1, "drv_err", 1 << 1, "uv_cp", 1 << 2)
                .fields("IOIN", "step", 1, "dir", 1 << 1, "dcen_cfg4", 1 << 2, "dcin_cfg5", 1 << 3,
                        "drv_enn_cfg6", 1 << 4, "dco", 1 << 5, "version", 0xffL << 24)
                .fields("IHOLD_IRUN", "ihold", 0x1f, "irun", 0x1f << 8, "iholddelay", 0x0f << 16)
                .fields("TPOWERDOWN", "tpowerdown", 0xff)
                .fields("TSTEP", "tstep", 0xfffff)
                .fields("TPWMTHRS", "tpwmthrs", 0xfffff)
                .fields("TCOOLTHRS", "tcoolthrs", 0xfffff)
                .fields("THIGH", "thigh", 0xfffff)
                .fields("MSCNT", "mscnt", 0x3ff)
                .fields("MSCURACT", "cur_a", 0x1ff, "cur_b", 0x1ff << 16)
                .fields("CHOPCONF", "toff", 0x0f, "hstrt", 0x07 << 4, "hend", 0x0f << 7, "fd3", 1 << 11,
                        "disfdcc", 1 << 12, "rndtf", 1 << 13, "chm", 1 << 14, "tbl", 0x03 << 15, "vsense", 1 << 17,
                        "vhighfs", 1 << 18, "vhighchm", 1 << 19, "sync", 0x0f << 20, "mres", 0x0f << 24,
                        "intpol", 1 << 28, "dedge", 1 << 29, "diss2g", 1 << 30)
                .fields("COOLCONF", "semin", 0x0f, "seup", 0x03 << 5, "semax", 0x0f << 8, "sedn", 0x03 << 13,
                        "seimin", 1 << 15, "sgt", 0x7f << 16, "sfilt", 1 << 24)
                .fields("DRV_STATUS", "sg_result", 0x3ff, "fsactive", 1 << 15, "cs_actual", 0x1f << 16,
                        "stallguard", 1 << 24, "ot", 1 << 25, "otpw", 1 << 26, "s2ga", 1 << 27, "s2gb", 1 << 28,
                        "ola", 1 << 29, "olb", 1 << 30, "stst", 1L << 31)
                .fields("PWMCONF", "pwm_ampl", 0xff, "pwm_grad", 0xff << 8, "pwm_freq", 0x03 << 16,
                        "pwm_autoscale", 1 << 18, "pwm_symmetric", 1 << 19, "freewheel", 0x03 << 20)
                .fields("PWM_SCALE", "pwm_scale", 0xff)
                .fields("LOST_STEPS", "lost_steps", 0xfffff)
                .signed("cur_a", "cur_b", "sgt");
        return commonFormats(waveTable(m));
    }

    /** Registers shared by TMC5160 and TMC2240. */
    private static RegisterMap stallguardSpiCommon(RegisterMap m) {
        return m.register("GCONF", 0x00).register("GSTAT", 0x01).register("IFCNT", 0x02).register("IOIN", 0x04)
                .register("DRV_CONF", 0x0A).register("GLOBALSCALER", 0x0B).register("IHOLD_IRUN", 0x10)
                .register("TPOWERDOWN", 0x11).register("TSTEP", 0x12).register("TPWMTHRS", 0x13)
                .register("TCOOLTHRS", 0x14).register("THIGH", 0x15).register("ENCMODE", 0x38)
                .register("X_ENC", 0x39).register("ENC_CONST", 0x3A).register("ENC_STATUS", 0x3B)
                .register("ENC_LATCH", 0x3C).register("MSCNT", 0x6A).register("MSCURACT", 0x6B)
                .register("CHOPCONF", 0x6C).register("COOLCONF", 0x6D).register("DRV_STATUS", 0x6F)
                .register("PWMCONF", 0x70).register("PWM_SCALE", 0x71).register("PWM_AUTO", 0x72)
                .fields("COOLCONF", "semin", 0x0F, "seup", 0x03 << 5, "semax", 0x0F << 8, "sedn", 0x03 << 13,
                        "seimin", 1 << 15, "sgt", 0x7F << 16, "sfilt", 1 << 24)
                .fields("CHOPCONF", "toff", 0x0F, "hstrt", 0x07 << 4, "hend", 0x0F << 7, "fd3", 1 << 11,
                        "disfdcc", 1 << 12, "chm", 1 << 14, "tbl", 0x03 << 15, "vhighfs", 1 << 18,
                        "vhighchm", 1 << 19, "tpfd", 0x0F << 20, "mres", 0x0F << 24, "intpol", 1 << 28,
                        "dedge", 1 << 29, "diss2g", 1 << 30, "diss2vs", 1L << 31)
                .fields("GSTAT", "reset", 1, "drv_err", 1 << 1, "uv_cp", 1 << 2)
                .fields("GLOBALSCALER", "globalscaler", 0xFF)
                .fields("MSCNT", "mscnt", 0x3ff)
                .fields("MSCURACT", "cur_a", 0x1ff, "cur_b", 0x1ff << 16)
                .fields("PWM_AUTO", "pwm_ofs_auto", 0xff, "pwm_grad_auto", 0xff << 16)
                .fields("TPOWERDOWN", "tpowerdown", 0xff)
                .fields("TPWMTHRS", "tpwmthrs", 0xfffff)
                .fields("TCOOLTHRS", "tcoolthrs", 0xfffff)
                .fields("TSTEP", "tstep", 0xfffff)
                .fields("THIGH", "thigh", 0xfffff)
                .format("s2vsa", v -> flag(v, "ShortToSupply_A!"))
                .format("s2vsb", v -> flag(v, "ShortToSupply_B!"));
    }

    static RegisterMap tmc5160() {
        RegisterMap m = stallguardSpiCommon(new RegisterMap())
                .register("SLAVECONF", 0x03).register("X_COMPARE", 0x05).register("OTP_READ", 0x07)
                .register("FACTORY_CONF", 0x08).register("SHORT_CONF", 0x09).register("OFFSET_READ", 0x0C)
                .register("RAMPMODE", 0x20).register("XACTUAL", 0x21).register("VACTUAL", 0x22)
                .register("VSTART", 0x23).register("A1", 0x24).register("V1", 0x25).register("AMAX", 0x26)
                .register("VMAX", 0x27).register("DMAX", 0x28).register("D1", 0x2A).register("VSTOP", 0x2B)
                .register("TZEROWAIT", 0x2C).register("XTARGET", 0x2D).register("VDCMIN", 0x33)
                .register("SW_MODE", 0x34).register("RAMP_STAT", 0x35).register("XLATCH", 0x36)
                .register("ENC_DEVIATION", 0x3D).register("DCCTRL", 0x6E).register("LOST_STEPS", 0x73)
                .readRegisters("GCONF", "CHOPCONF", "GSTAT", "DRV_STATUS", "FACTORY_CONF", "IOIN", "LOST_STEPS",
                        "MSCNT", "MSCURACT", "OTP_READ", "PWM_SCALE", "PWM_AUTO", "TSTEP")
                .fields("DRV_CONF", "bbmtime", 0x1F, "bbmclks", 0x0F << 8, "otselect", 0x03 << 16,
                        "drvstrength", 0x03 << 18, "filt_isense", 0x03 << 20)
                .fields("DRV_STATUS", "sg_result", 0x3FF, "s2vsa", 1 << 12, "s2vsb", 1 << 13, "stealth", 1 << 14,
                        "fsactive", 1 << 15, "cs_actual", 0x1F << 16, "stallguard", 1 << 24, "ot", 1 << 25,
                        "otpw", 1 << 26, "s2ga", 1 << 27, "s2gb", 1 << 28, "ola", 1 << 29, "olb", 1 << 30,
                        "stst", 1L << 31)
                .fields("FACTORY_CONF", "factory_conf", 0x1F)
                .fields("GCONF", "recalibrate", 1, "faststandstill", 1 << 1, "en_pwm_mode", 1 << 2,
                        "multistep_filt", 1 << 3, "shaft", 1 << 4, "diag0_error", 1 << 5, "diag0_otpw", 1 << 6,
                        "diag0_stall", 1 << 7, "diag1_stall", 1 << 8, "diag1_index", 1 << 9,
                        "diag1_onstate", 1 << 10, "diag1_steps_skipped", 1 << 11, "diag0_int_pushpull", 1 << 12,
                        "diag1_poscomp_pushpull", 1 << 13, "small_hysteresis", 1 << 14, "stop_enable", 1 << 15,
                        "direct_mode", 1 << 16, "test_mode", 1 << 17)
                .fields("IHOLD_IRUN", "ihold", 0x1F, "irun", 0x1F << 8, "iholddelay", 0x0F << 16)
                .fields("IOIN", "refl_step", 1, "refr_dir", 1 << 1, "encb_dcen_cfg4", 1 << 2,
                        "enca_dcin_cfg5", 1 << 3, "drv_enn", 1 << 4, "enc_n_dco_cfg6", 1 << 5, "sd_mode", 1 << 6,
                        "swcomp_in", 1 << 7, "version", 0xFFL << 24)
                .fields("LOST_STEPS", "lost_steps", 0xfffff)
                .fields("OTP_READ", "otp_fclktrim", 0x1f, "otp_s2_level", 1 << 5, "otp_bbm", 1 << 6,
                        "otp_tbl", 1 << 7)
                .fields("PWMCONF", "pwm_ofs", 0xFF, "pwm_grad", 0xFF << 8, "pwm_freq", 0x03 << 16,
                        "pwm_autoscale", 1 << 18, "pwm_autograd", 1 << 19, "freewheel", 0x03 << 20,
                        "pwm_reg", 0x0F << 24, "pwm_lim", 0x0FL << 28)
                .fields("PWM_SCALE", "pwm_scale_sum", 0xff, "pwm_scale_auto", 0x1ff << 16)
                .signed("cur_a", "cur_b", "sgt", "xactual", "vactual", "pwm_scale_auto");
        return commonFormats(waveTable(m));
    }

    static RegisterMap tmc2240() {
        RegisterMap m = stallguardSpiCommon(new RegisterMap())
                .register("NODECONF", 0x03).register("DIRECT_MODE", 0x2D).register("ADC_VSUPPLY_AIN", 0x50)
                .register("ADC_TEMP", 0x51).register("OTW_OV_VTH", 0x52).register("SG4_THRS", 0x74)
                .register("SG4_RESULT", 0x75).register("SG4_IND", 0x76)
                .readRegisters("GCONF", "GSTAT", "IOIN", "DRV_CONF", "GLOBALSCALER", "IHOLD_IRUN", "TPOWERDOWN",
                        "TSTEP", "TPWMTHRS", "TCOOLTHRS", "THIGH", "ADC_VSUPPLY_AIN", "ADC_TEMP", "OTW_OV_VTH",
                        "MSCNT", "MSCURACT", "CHOPCONF", "COOLCONF", "DRV_STATUS", "PWMCONF", "PWM_SCALE",
                        "PWM_AUTO", "SG4_THRS", "SG4_RESULT", "SG4_IND")
                .fields("DRV_STATUS", "sg_result", 0x3FF, "s2vsa", 1 << 12, "s2vsb", 1 << 13, "stealth", 1 << 14,
                        "fsactive", 1 << 15, "csactual", 0x1F << 16, "stallguard", 1 << 24, "ot", 1 << 25,
                        "otpw", 1 << 26, "s2ga", 1 << 27, "s2gb", 1 << 28, "ola", 1 << 29, "olb", 1 << 30,
                        "stst", 1L << 31)
                .fields("GCONF", "faststandstill", 1 << 1, "en_pwm_mode", 1 << 2, "multistep_filt", 1 << 3,
                        "shaft", 1 << 4, "diag0_error", 1 << 5, "diag0_otpw", 1 << 6, "diag0_stall", 1 << 7,
                        "diag1_stall", 1 << 8, "diag1_index", 1 << 9, "diag1_onstate", 1 << 10,
                        "diag0_pushpull", 1 << 12, "diag1_pushpull", 1 << 13, "small_hysteresis", 1 << 14,
                        "stop_enable", 1 << 15, "direct_mode", 1 << 16)
                .fields("GSTAT", "register_reset", 1 << 3, "vm_uvlo", 1 << 4)
                .fields("IHOLD_IRUN", "ihold", 0x1F, "irun", 0x1F << 8, "iholddelay", 0x0F << 16,
                        "irundelay", 0x0F << 24)
                .fields("IOIN", "step", 1, "dir", 1 << 1, "encb", 1 << 2, "enca", 1 << 3, "drv_enn", 1 << 4,
                        "encn", 1 << 5, "uart_en", 1 << 6, "comp_a", 1 << 8, "comp_b", 1 << 9,
                        "comp_a1_a2", 1 << 10, "comp_b1_b2", 1 << 11, "output", 1 << 12, "ext_res_det", 1 << 13,
                        "ext_clk", 1 << 14, "adc_err", 1 << 15, "silicon_rv", 0x07 << 16, "version", 0xFFL << 24)
                .fields("PWMCONF", "pwm_ofs", 0xFF, "pwm_grad", 0xFF << 8, "pwm_freq", 0x03 << 16,
                        "pwm_autoscale", 1 << 18, "pwm_autograd", 1 << 19, "freewheel", 0x03 << 20,
                        "pwm_meas_sd_enable", 1 << 22, "pwm_dis_reg_stst", 1 << 23, "pwm_reg", 0x0F << 24,
                        "pwm_lim", 0x0FL << 28)
                .fields("PWM_SCALE", "pwm_scale_sum", 0x3ff, "pwm_scale_auto", 0x1ff << 16)
                .fields("DRV_CONF", "current_range", 0x03, "slope_control", 0x03 << 4)
                .fields("ADC_VSUPPLY_AIN", "adc_vsupply", 0x1fff, "adc_ain", 0x1fff << 16)
                .fields("ADC_TEMP", "adc_temp", 0x1fff)
                .fields("OTW_OV_VTH", "overvoltage_vth", 0x1fff, "overtempprewarning_vth", 0x1fff << 16)
                .fields("SG4_THRS", "sg4_thrs", 0xFF, "sg4_filt_en", 1 << 8, "sg4_angle_offset", 1 << 9)
                .fields("SG4_RESULT", "sg4_result", 0x3FF)
                .fields("SG4_IND", "sg4_ind_0", 0xFF, "sg4_ind_1", 0xFF << 8, "sg4_ind_2", 0xFF << 16,
                        "sg4_ind_3", 0xFFL << 24)
                .signed("cur_a", "cur_b", "sgt", "pwm_scale_auto", "offset_sin90")
                .format("adc_temp", v -> String.format("0x%04x(%.1fC)", v, (v - 2038) / 7.7));
        waveTable(m).fields("MSLUTSTART", "offset_sin90", 0xFFL << 24);
        return commonFormats(m);
    }

    static RegisterMap tmc2208() {
        RegisterMap m = new RegisterMap()
                .register("GCONF", 0x00).register("GSTAT", 0x01).register("IFCNT", 0x02)
                .register("SLAVECONF", 0x03).register("OTP_PROG", 0x04).register("OTP_READ", 0x05)
                .register("IOIN", 0x06).register("FACTORY_CONF", 0x07).register("IHOLD_IRUN", 0x10)
                .register("TPOWERDOWN", 0x11).register("TSTEP", 0x12).register("TPWMTHRS", 0x13)
                .register("VACTUAL", 0x22).register("MSCNT", 0x6a).register("MSCURACT", 0x6b)
                .register("CHOPCONF", 0x6c).register("DRV_STATUS", 0x6f).register("PWMCONF", 0x70)
                .register("PWM_SCALE", 0x71).register("PWM_AUTO", 0x72)
                .readRegisters("GCONF", "GSTAT", "IFCNT", "OTP_READ", "IOIN", "FACTORY_CONF", "TSTEP", "MSCNT",
                        "MSCURACT", "CHOPCONF", "DRV_STATUS", "PWMCONF", "PWM_SCALE", "PWM_AUTO")
                .fields("GCONF", "i_scale_analog", 1, "internal_rsense", 1 << 1, "en_spreadcycle", 1 << 2,
                        "shaft", 1 << 3, "index_otpw", 1 << 4, "index_step", 1 << 5, "pdn_disable", 1 << 6,
                        "mstep_reg_select", 1 << 7, "multistep_filt", 1 << 8, "test_mode", 1 << 9)
                .fields("GSTAT", "reset", 1, "drv_err", 1 << 1, "uv_cp", 1 << 2)
                .fields("IFCNT", "ifcnt", 0xff)
                .fields("SLAVECONF", "senddelay", 0x0f << 8)
                .fields("OTP_PROG", "otpbit", 0x07, "otpbyte", 0x03 << 4, "otpmagic", 0xff << 8)
                .fields("OTP_READ", "otp_fclktrim", 0x1f, "otp_ottrim", 1 << 5, "otp_internalrsense", 1 << 6,
                        "otp_tbl", 1 << 7, "otp_pwm_grad", 0x0f << 8, "otp_pwm_autograd", 1 << 12,
                        "otp_tpwmthrs", 0x07 << 13, "otp_pwm_ofs", 1 << 16, "otp_pwm_reg", 1 << 17,
                        "otp_pwm_freq", 1 << 18, "otp_iholddelay", 0x03 << 19, "otp_ihold", 0x03 << 21,
                        "otp_en_spreadcycle", 1 << 23)
                .fields("IOIN@TMC222x", "pdn_uart", 1 << 1, "spread", 1 << 2, "dir", 1 << 3, "enn", 1 << 4,
                        "step", 1 << 5, "ms1", 1 << 6, "ms2", 1 << 7, "sel_a", 1 << 8, "version", 0xffL << 24)
                .fields("IOIN@TMC220x", "enn", 1, "ms1", 1 << 2, "ms2", 1 << 3, "diag", 1 << 4,
                        "pdn_uart", 1 << 6, "step", 1 << 7, "sel_a", 1 << 8, "dir", 1 << 9, "version", 0xffL << 24)
                .fields("FACTORY_CONF", "fclktrim", 0x1f, "ottrim", 0x03 << 8)
                .fields("IHOLD_IRUN", "ihold", 0x1f, "irun", 0x1f << 8, "iholddelay", 0x0f << 16)
                .fields("TPOWERDOWN", "tpowerdown", 0xff)
                .fields("TSTEP", "tstep", 0xfffff)
                .fields("TPWMTHRS", "tpwmthrs", 0xfffff)
                .fields("VACTUAL", "vactual", 0xffffff)
                .fields("MSCNT", "mscnt", 0x3ff)
                .fields("MSCURACT", "cur_a", 0x1ff, "cur_b", 0x1ff << 16)
                .fields("CHOPCONF", "toff", 0x0f, "hstrt", 0x07 << 4, "hend", 0x0f << 7, "tbl", 0x03 << 15,
                        "vsense", 1 << 17, "mres", 0x0f << 24, "intpol", 1 << 28, "dedge", 1 << 29,
                        "diss2g", 1 << 30, "diss2vs", 1L << 31)
                .fields("DRV_STATUS", "otpw", 1, "ot", 1 << 1, "s2ga", 1 << 2, "s2gb", 1 << 3, "s2vsa", 1 << 4,
                        "s2vsb", 1 << 5, "ola", 1 << 6, "olb", 1 << 7, "t120", 1 << 8, "t143", 1 << 9,
                        "t150", 1 << 10, "t157", 1 << 11, "cs_actual", 0x1f << 16, "stealth", 1 << 30,
                        "stst", 1L << 31)
                .fields("PWMCONF", "pwm_ofs", 0xff, "pwm_grad", 0xff << 8, "pwm_freq", 0x03 << 16,
                        "pwm_autoscale", 1 << 18, "pwm_autograd", 1 << 19, "freewheel", 0x03 << 20,
                        "pwm_reg", 0xf << 24, "pwm_lim", 0xfL << 28)
                .fields("PWM_SCALE", "pwm_scale_sum", 0xff, "pwm_scale_auto", 0x1ff << 16)
                .fields("PWM_AUTO", "pwm_ofs_auto", 0xff, "pwm_grad_auto", 0xff << 16)
                .signed("cur_a", "cur_b", "pwm_scale_auto")
                .format("sel_a", v -> v + "(" + (v != 0 ? "TMC220x" : "TMC222x") + ")")
                .format("s2vsa", v -> flag(v, "LowSideShort_A!"))
                .format("s2vsb", v -> flag(v, "LowSideShort_B!"));
        return commonFormats(m);
    }

    static RegisterMap tmc2209() {
        RegisterMap m = tmc2208().copy()
                .register("TCOOLTHRS", 0x14).register("COOLCONF", 0x42).register("SGTHRS", 0x40)
                .register("SG_RESULT", 0x41)
                .readRegisters("GCONF", "GSTAT", "IFCNT", "OTP_READ", "IOIN", "FACTORY_CONF", "TSTEP", "MSCNT",
                        "MSCURACT", "CHOPCONF", "DRV_STATUS", "PWMCONF", "PWM_SCALE", "PWM_AUTO", "SG_RESULT")
                .fields("COOLCONF", "semin", 0x0F, "seup", 0x03 << 5, "semax", 0x0F << 8, "sedn", 0x03 << 13,
                        "seimin", 1 << 15)
                .fields("IOIN", "enn", 1, "ms1", 1 << 2, "ms2", 1 << 3, "diag", 1 << 4, "pdn_uart", 1 << 6,
                        "step", 1 << 7, "spread_en", 1 << 8, "dir", 1 << 9, "version", 0xffL << 24)
                .fields("SGTHRS", "sgthrs", 0xFF)
                .fields("SG_RESULT", "sg_result", 0x3FF)
                .fields("TCOOLTHRS", "tcoolthrs", 0xfffff);
        return m;
    }

    static RegisterMap tmc2660() {
        RegisterMap m = new RegisterMap()
                .register("DRVCONF", 0xE).register("SGCSCONF", 0xC).register("SMARTEN", 0xA)
                .register("CHOPCONF", 0x8).register("DRVCTRL", 0x0)
                .readRegisters("READRSP@RDSEL0", "READRSP@RDSEL1", "READRSP@RDSEL2")
                .fields("DRVCTRL", "mres", 0x0f, "dedge", 1 << 8, "intpol", 1 << 9)
                .fields("CHOPCONF", "toff", 0x0f, "hstrt", 0x7 << 4, "hend", 0x0f << 7, "hdec", 0x03 << 11,
                        "rndtf", 1 << 13, "chm", 1 << 14, "tbl", 0x03 << 15)
                .fields("SMARTEN", "semin", 0x0f, "seup", 0x03 << 5, "semax", 0x0f << 8, "sedn", 0x03 << 13,
                        "seimin", 1 << 15)
                .fields("SGCSCONF", "cs", 0x1f, "sgt", 0x7F << 8, "sfilt", 1 << 16)
                .fields("DRVCONF", "rdsel", 0x03 << 4, "vsense", 1 << 6, "sdoff", 1 << 7, "ts2g", 0x03 << 8,
                        "diss2g", 1 << 10, "slpl", 0x03 << 12, "slph", 0x03 << 14, "tst", 1 << 16);
        String[] common = {"stallguard", "ot", "otpw", "s2ga", "s2gb", "ola", "olb", "stst"};
        for (int sel = 0; sel < 3; sel++) {
            String reg = "READRSP@RDSEL" + sel;
            for (int i = 0; i < common.length; i++) {
                m.fields(reg, common[i], 1 << (4 + i));
            }
        }
        m.fields("READRSP@RDSEL0", "mstep", 0x3ff << 14)
                .fields("READRSP@RDSEL1", "sg_result", 0x3ff << 14)
                .fields("READRSP@RDSEL2", "se", 0x1f << 14, "sg_result@rdsel2", 0x1f << 19)
                .signed("sgt");
        commonFormats(m);
        return m.format("chm", v -> v != 0 ? "1(constant toff)" : "0(spreadCycle)")
                .format("vsense", v -> v != 0 ? "1(165mV)" : "0(305mV)")
                .format("sdoff", v -> flag(v, "Step/Dir disabled!"))
                .format("diss2g", v -> flag(v, "Short to GND disabled!"))
                .format("se", v -> v != 0 ? Long.toString(v) : "0(Reset?)");
    }
}
