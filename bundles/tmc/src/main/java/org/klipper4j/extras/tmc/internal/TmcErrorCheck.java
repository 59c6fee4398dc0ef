/* klipper4j - a Klipper-compatible printer host. GPL-3.0-only. */
package org.klipper4j.extras.tmc.internal;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.klipper4j.core.api.Printer;
import org.klipper4j.core.api.gcode.CommandError;
import org.klipper4j.core.api.reactor.Reactor;
import org.klipper4j.core.api.reactor.ReactorTimer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Klipper's periodic driver check: once a second while the stepper is enabled,
 * reads DRV_STATUS and GSTAT; an error bit (over-temperature, short to ground or
 * supply) or a driver reset seen three times in a row shuts the printer down with
 * "TMC 'stepper_x' reports error: ...".
 */
final class TmcErrorCheck {
    private static final Logger LOG = LoggerFactory.getLogger(TmcErrorCheck.class);
    private static final List<String> ERR_FIELDS = List.of("ot", "s2ga", "s2gb", "s2vsa", "s2vsb");
    private static final List<String> WARN_FIELDS = List.of("otpw", "t120", "t143", "t150", "t157");

    /** The last value of a checked register and the bits that matter in it. */
    static final class RegInfo {
        long lastValue;
        final String reg;
        final long mask;
        final long errMask;
        final long csActualMask;

        RegInfo(String reg, long mask, long errMask, long csActualMask) {
            this.reg = reg;
            this.mask = mask;
            this.errMask = errMask;
            this.csActualMask = csActualMask;
        }
    }

    private final Printer printer;
    private final String stepperName;
    private final TmcTransport tmc;
    private final FieldHelper fields;
    private final RegInfo gstat;
    private final RegInfo drvStatus;
    private final String irunField;
    private final boolean clearGstat;
    private final String adcTempReg;
    private Long adcTemp;
    private ReactorTimer checkTimer;
    private long lastDrvStatus = -1;
    private Map<String, Long> lastDrvFields = Map.of();

    TmcErrorCheck(Printer printer, String family, String stepperName, TmcTransport tmc) {
        this.printer = printer;
        this.stepperName = stepperName;
        this.tmc = tmc;
        this.fields = tmc.fields();
        String gstatReg = fields.lookupRegister("drv_err");
        this.gstat = gstatReg == null ? null : new RegInfo(gstatReg, 0xffffffffL, 0xffffffffL, 0);
        String reg = "DRV_STATUS";
        long csActual = 0;
        boolean clear = true;
        String irun = "irun";
        if (family.equals("tmc2130")) {
            clear = false;
            csActual = fields.map().fieldsOf(reg).get("cs_actual");
        } else if (family.equals("tmc2660")) {
            irun = "cs";
            reg = "READRSP@RDSEL2";
            csActual = fields.map().fieldsOf(reg).get("se");
        }
        long mask = 0;
        long errMask = 0;
        Map<String, Long> regFields = fields.map().fieldsOf(reg);
        for (String f : ERR_FIELDS) {
            if (regFields.containsKey(f)) {
                mask |= regFields.get(f);
                errMask |= regFields.get(f);
            }
        }
        for (String f : WARN_FIELDS) {
            if (regFields.containsKey(f)) {
                mask |= regFields.get(f);
            }
        }
        this.drvStatus = new RegInfo(reg, mask, errMask, csActual);
        this.irunField = irun;
        this.clearGstat = clear;
        this.adcTempReg = fields.lookupRegister("adc_temp");
    }

    /** Reads a register until it shows no error; returns the error flags cleared on the way. */
    private long queryRegister(RegInfo info, boolean tryClear) {
        long cleared = 0;
        int count = 0;
        while (true) {
            long val;
            try {
                val = tmc.getRegister(info.reg);
            } catch (CommandError e) {
                count++;
                if (count < 3 && String.valueOf(e.getMessage()).startsWith("Unable to read tmc uart")) {
                    Reactor reactor = printer.getReactor();
                    reactor.pause(reactor.monotonic() + 0.050);
                    continue;
                }
                throw e;
            }
            if ((val & info.mask) != (info.lastValue & info.mask)) {
                LOG.info("TMC '{}' reports {}", stepperName, fields.prettyFormat(info.reg, val));
            }
            info.lastValue = val;
            if ((val & info.errMask) == 0) {
                if (info.csActualMask == 0 || (val & info.csActualMask) != 0) {
                    break;
                }
                long irun = fields.getField(irunField);
                if (checkTimer == null || irun < 4) {
                    break;
                }
                if (irunField.equals("irun") && fields.getField("ihold") == 0) {
                    break;
                }
                // a zero current reading means the driver was reset
            }
            count++;
            if (count >= 3) {
                throw new CommandError("TMC '" + stepperName + "' reports error: " + fields.prettyFormat(info.reg, val));
            }
            if (tryClear && (val & info.errMask) != 0) {
                tryClear = false;
                cleared |= val & info.errMask;
                tmc.setRegister(info.reg, val & info.errMask);
            }
        }
        return cleared;
    }

    private double periodicCheck(double eventtime) {
        try {
            queryRegister(drvStatus, false);
            if (gstat != null) {
                queryRegister(gstat, false);
            }
            if (adcTempReg != null) {
                try {
                    adcTemp = tmc.getRegister(adcTempReg);
                } catch (CommandError e) {
                    adcTemp = null;
                }
            }
        } catch (CommandError e) {
            printer.invokeShutdown(e.getMessage());
            return Reactor.NEVER;
        }
        return eventtime + 1.;
    }

    void stopChecks() {
        if (checkTimer != null) {
            printer.getReactor().unregisterTimer(checkTimer);
            checkTimer = null;
        }
    }

    /** Checks now and then every second; true if the driver reported a reset (GSTAT). */
    boolean startChecks() {
        stopChecks();
        long cleared = 0;
        queryRegister(drvStatus, false);
        if (gstat != null) {
            cleared = queryRegister(gstat, clearGstat);
        }
        Reactor reactor = printer.getReactor();
        checkTimer = reactor.registerTimer(this::periodicCheck, reactor.monotonic() + 1.);
        return (cleared & fields.map().fieldsOf("GSTAT").getOrDefault("reset", 0L)) != 0;
    }

    /** drv_status (non-zero fields of the last DRV_STATUS read) and temperature, null while not checking. */
    Map<String, Object> getStatus() {
        Map<String, Object> out = new LinkedHashMap<>();
        if (checkTimer == null) {
            out.put("drv_status", null);
            out.put("temperature", null);
            return out;
        }
        if (drvStatus.lastValue != lastDrvStatus) {
            lastDrvStatus = drvStatus.lastValue;
            Map<String, Long> nz = new LinkedHashMap<>();
            fields.regFields(drvStatus.reg, lastDrvStatus).forEach((k, v) -> {
                if (v != 0) {
                    nz.put(k, v);
                }
            });
            lastDrvFields = nz;
        }
        out.put("drv_status", lastDrvFields);
        out.put("temperature", adcTemp == null ? null : Math.round((adcTemp - 2038) / 7.7 * 100.) / 100.);
        return out;
    }
}
