/* klipper4j - a Klipper-compatible printer host. GPL-3.0-only. */
package org.klipper4j.extras.tmc.internal;

import java.util.List;
import org.klipper4j.core.api.ConfigException;
import org.klipper4j.core.api.ConfigSection;
import org.klipper4j.core.api.Printer;
import org.klipper4j.core.api.mcu.Mcu;
import org.klipper4j.core.api.mcu.McuEndstop;
import org.klipper4j.core.api.mcu.PinChip;
import org.klipper4j.core.api.mcu.PinParams;
import org.klipper4j.core.api.mcu.Pins;
import org.klipper4j.core.api.reactor.Completion;

/**
 * The {@code tmc2209_stepper_x:virtual_endstop} pin chip for sensorless homing: the
 * endstop is the driver's diag pin, and while a homing move uses it the driver is
 * switched to stallGuard output (diag stall on, stealthChop off, TCOOLTHRS on,
 * THIGH off), restored when the move ends.
 */
final class TmcVirtualPin implements PinChip {
    private final Printer printer;
    private final TmcTransport tmc;
    private final FieldHelper fields;
    private final String diagPin;
    private final String diagPinField;
    private SensorlessEndstop endstop;
    private boolean active;
    private boolean enPwm;
    private long pwmthrs;
    private long coolthrs;
    private long thigh;

    TmcVirtualPin(ConfigSection config, TmcTransport tmc) {
        this.printer = config.getPrinter();
        this.tmc = tmc;
        this.fields = tmc.fields();
        if (fields.lookupRegister("diag0_stall") != null) {
            if (config.get("diag0_pin", null) != null) {
                diagPin = config.get("diag0_pin");
                diagPinField = "diag0_stall";
            } else {
                diagPin = config.get("diag1_pin", null);
                diagPinField = "diag1_stall";
            }
        } else {
            diagPin = config.get("diag_pin", null);
            diagPinField = null;
        }
        String[] parts = config.getName().trim().split("\\s+");
        printer.lookupObject("pins", Pins.class).registerChip(parts[0] + "_" + parts[parts.length - 1], this);
    }

    @Override
    public Object setupPin(String pinType, PinParams params) {
        if (!"endstop".equals(pinType) || !"virtual_endstop".equals(params.pin())) {
            throw new ConfigException("tmc virtual endstop only useful as endstop");
        }
        if (params.invert() || params.pullup() != 0) {
            throw new ConfigException("Can not pullup/invert tmc virtual pin");
        }
        if (diagPin == null) {
            throw new ConfigException("tmc virtual endstop requires diag pin config");
        }
        printer.registerEventHandler("homing:homing_move_end", a -> homingMoveEnd());
        McuEndstop diag = (McuEndstop) printer.lookupObject("pins", Pins.class).setupPin("endstop", diagPin);
        endstop = new SensorlessEndstop(diag);
        return endstop;
    }

    private void homingMoveBegin() {
        active = true;
        pwmthrs = fields.getField("tpwmthrs");
        long val;
        if (fields.lookupRegister("en_pwm_mode") == null) {
            // stallGuard4 drivers need stealthChop on
            enPwm = fields.getField("en_spreadcycle") == 0;
            tmc.setRegister("TPWMTHRS", fields.setField("tpwmthrs", 0));
            val = fields.setField("en_spreadcycle", 0);
        } else {
            // earlier drivers need it off
            enPwm = fields.getField("en_pwm_mode") != 0;
            fields.setField("en_pwm_mode", 0);
            val = fields.setField(diagPinField, 1);
        }
        tmc.setRegister("GCONF", val);
        coolthrs = fields.getField("tcoolthrs");
        if (coolthrs == 0) {
            tmc.setRegister("TCOOLTHRS", fields.setField("tcoolthrs", 0xfffff));
        }
        String thighReg = fields.lookupRegister("thigh");
        if (thighReg != null) {
            thigh = fields.getField("thigh");
            tmc.setRegister(thighReg, fields.setField("thigh", 0));
        }
    }

    private void homingMoveEnd() {
        if (!active) {
            return;
        }
        active = false;
        long val;
        if (fields.lookupRegister("en_pwm_mode") == null) {
            tmc.setRegister("TPWMTHRS", fields.setField("tpwmthrs", pwmthrs));
            val = fields.setField("en_spreadcycle", !enPwm);
        } else {
            fields.setField("en_pwm_mode", enPwm);
            val = fields.setField(diagPinField, 0);
        }
        tmc.setRegister("GCONF", val);
        tmc.setRegister("TCOOLTHRS", fields.setField("tcoolthrs", coolthrs));
        String thighReg = fields.lookupRegister("thigh");
        if (thighReg != null) {
            tmc.setRegister(thighReg, fields.setField("thigh", thigh));
        }
    }

    /** The diag pin's endstop; starting a homing move on it first switches the driver to stall detection. */
    final class SensorlessEndstop implements McuEndstop {
        private final McuEndstop diag;

        SensorlessEndstop(McuEndstop diag) {
            this.diag = diag;
        }

        @Override
        public Mcu getMcu() {
            return diag.getMcu();
        }

        @Override
        public void addStepper(Object stepper) {
            diag.addStepper(stepper);
        }

        @Override
        public List<Object> getSteppers() {
            return diag.getSteppers();
        }

        @Override
        public Completion<Boolean> homeStart(double printTime, double sampleTime, int sampleCount, double restTime,
                boolean triggered) {
            homingMoveBegin();
            return diag.homeStart(printTime, sampleTime, sampleCount, restTime, triggered);
        }

        @Override
        public double homeWait(double homeEndTime) {
            return diag.homeWait(homeEndTime);
        }

        @Override
        public boolean queryEndstop(double printTime) {
            return diag.queryEndstop(printTime);
        }
    }
}
