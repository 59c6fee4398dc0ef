/* klipper4j - a Klipper-compatible printer host. GPL-3.0-only. */
package org.klipper4j.extras.tmc.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import org.klipper4j.core.api.Bounds;
import org.klipper4j.core.api.ConfigSection;
import org.klipper4j.core.api.Printer;
import org.klipper4j.core.api.PrinterEvents;
import org.klipper4j.core.api.gcode.CommandError;
import org.klipper4j.core.api.gcode.GCodeCommand;
import org.klipper4j.core.api.gcode.GCodeDispatch;
import org.klipper4j.core.api.motion.Stepper;
import org.klipper4j.core.api.motion.StepperEnable;
import org.klipper4j.core.api.motion.Toolhead;
import org.klipper4j.core.api.reactor.Reactor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A driver's runtime, as Klipper's TMCCommandHelper: registers written at
 * connect, SET_TMC_FIELD / INIT_TMC / SET_TMC_CURRENT / DUMP_TMC, the software
 * enable through TOFF for steppers without an enable pin of their own, and the
 * status object.
 */
final class TmcCommandHelper {
    private static final Logger LOG = LoggerFactory.getLogger(TmcCommandHelper.class);

    private final Printer printer;
    private final String stepperName;
    private final String name;
    private final TmcTransport tmc;
    private final FieldHelper fields;
    private final CurrentHelper current;
    private final TmcErrorCheck errorCheck;
    private final double stepDist;
    private List<String> readRegisters = List.of();
    private BiFunction<String, Long, String> readTranslate;
    private Long toff;
    private Stepper stepper;
    private Integer mcuPhaseOffset;
    private Long tmcMscnt;
    private Long mcuPhaseOffsetPos;

    TmcCommandHelper(ConfigSection config, String family, TmcTransport tmc, CurrentHelper current) {
        this.printer = config.getPrinter();
        this.stepperName = TmcConfigHelpers.stepperName(config);
        this.name = TmcSpiTransport.lastWord(config.getName());
        this.tmc = tmc;
        this.fields = tmc.fields();
        this.current = current;
        this.errorCheck = new TmcErrorCheck(printer, family, stepperName, tmc);
        printer.registerEventHandler(PrinterEvents.MCU_IDENTIFY, a -> handleMcuIdentify());
        printer.registerEventHandler(PrinterEvents.CONNECT, a -> handleConnect());
        TmcConfigHelpers.microsteps(config, fields);
        this.stepDist = tmc.tmcFrequency() == null ? 0 : TmcConfigHelpers.stepDistance(config);
        GCodeDispatch gcode = printer.lookupObject("gcode", GCodeDispatch.class);
        gcode.registerMuxCommand("SET_TMC_FIELD", "STEPPER", name, this::cmdSetTmcField,
                "Set a register field of a TMC driver");
        gcode.registerMuxCommand("INIT_TMC", "STEPPER", name, this::cmdInitTmc,
                "Initialize TMC stepper driver registers");
        gcode.registerMuxCommand("SET_TMC_CURRENT", "STEPPER", name, this::cmdSetTmcCurrent,
                "Set the current of a TMC driver");
    }

    /** Registers DUMP_TMC with the registers read back (and a renaming of a read value, for IOIN variants). */
    void setupRegisterDump(List<String> readRegs, BiFunction<String, Long, String> translate) {
        this.readRegisters = readRegs;
        this.readTranslate = translate;
        printer.lookupObject("gcode", GCodeDispatch.class).registerMuxCommand("DUMP_TMC", "STEPPER", name,
                this::cmdDumpTmc, "Read and display TMC stepper driver registers");
    }

    private double lastMoveTime() {
        return printer.lookupObject("toolhead", Toolhead.class).getLastMoveTime();
    }

    private void initRegisters(Double printTime) {
        for (String reg : new ArrayList<>(fields.registers().keySet())) {
            // read inside the loop: a write may change a later value
            tmc.setRegister(reg, fields.registers().get(reg), printTime);
        }
    }

    private void cmdInitTmc(GCodeCommand gcmd) {
        LOG.info("INIT_TMC {}", name);
        initRegisters(lastMoveTime());
    }

    private void cmdSetTmcField(GCodeCommand gcmd) {
        String field = gcmd.get("FIELD").toLowerCase();
        String reg = fields.lookupRegister(field);
        if (reg == null) {
            throw gcmd.error("Unknown field name '" + field + "'");
        }
        Integer value = gcmd.getInt("VALUE", null);
        Double velocity = gcmd.getFloat("VELOCITY", null, Bounds.min(0.));
        if ((value == null) == (velocity == null)) {
            throw gcmd.error("Specify either VALUE or VELOCITY");
        }
        long v;
        if (velocity != null) {
            if (tmc.tmcFrequency() == null) {
                throw gcmd.error("VELOCITY parameter not supported by this driver");
            }
            v = TmcConfigHelpers.tstep(tmc.tmcFrequency(), fields.getField("mres"), stepDist, velocity);
        } else {
            v = value;
        }
        long regVal = fields.setField(field, v);
        tmc.setRegister(reg, regVal, lastMoveTime());
    }

    private void cmdSetTmcCurrent(GCodeCommand gcmd) {
        CurrentHelper.Currents c = current.getCurrent();
        Double run = gcmd.getFloat("CURRENT", null, Bounds.min(0.).andMax(c.max()));
        Double hold = gcmd.getFloat("HOLDCURRENT", null, Bounds.above(0.).andMax(c.max()));
        if (run != null || hold != null) {
            double r = run != null ? run : c.run();
            double h = hold != null ? hold : (c.requestedHold() != null ? c.requestedHold() : r);
            current.setCurrent(r, h, lastMoveTime());
            c = current.getCurrent();
        }
        if (c.hold() == null) {
            gcmd.respondInfo(String.format("Run Current: %.2fA", c.run()));
        } else {
            gcmd.respondInfo(String.format("Run Current: %.2fA Hold Current: %.2fA", c.run(), c.hold()));
        }
    }

    private String formatRead(String reg, long val) {
        String shown = readTranslate == null ? reg : readTranslate.apply(reg, val);
        return fields.prettyFormat(shown, val);
    }

    private void cmdDumpTmc(GCodeCommand gcmd) {
        LOG.info("DUMP_TMC {}", name);
        String reg = gcmd.get("REGISTER", null);
        if (reg != null) {
            reg = reg.toUpperCase();
            Long val = fields.registers().get(reg);
            if (val != null && !readRegisters.contains(reg)) {
                gcmd.respondInfo(fields.prettyFormat(reg, val));
            } else if (readRegisters.contains(reg)) {
                gcmd.respondInfo(formatRead(reg, tmc.getRegister(reg)));
            } else {
                throw gcmd.error("Unknown register name '" + reg + "'");
            }
            return;
        }
        gcmd.respondInfo("========== Write-only registers ==========");
        for (Map.Entry<String, Long> e : fields.registers().entrySet()) {
            if (!readRegisters.contains(e.getKey())) {
                gcmd.respondInfo(fields.prettyFormat(e.getKey(), e.getValue()));
            }
        }
        gcmd.respondInfo("========== Queried registers ==========");
        for (String r : readRegisters) {
            gcmd.respondInfo(formatRead(r, tmc.getRegister(r)));
        }
    }

    private void handleMcuIdentify() {
        stepper = findStepper();
        if (stepper != null) {
            stepper.setupDefaultPulseDuration(.000000100, true);
        }
    }

    private Stepper findStepper() {
        var toolhead = printer.findObject("toolhead", Toolhead.class);
        if (toolhead.isPresent() && toolhead.get().getKinematics() != null) {
            for (Stepper s : toolhead.get().getKinematics().getSteppers()) {
                if (s.getName().equals(stepperName)) {
                    return s;
                }
            }
        }
        return null;
    }

    private void handleConnect() {
        StepperEnable enable = printer.lookupObject(StepperEnable.NAME, StepperEnable.class);
        enable.registerStateCallback(stepperName, this::handleStepperEnable);
        if (!enable.hasDedicatedEnable(stepperName)) {
            toff = fields.getField("toff");
            fields.setField("toff", 0);
            LOG.info("Enabling TMC virtual enable for '{}'", stepperName);
        }
        try {
            initRegisters(null);
        } catch (CommandError e) {
            LOG.info("TMC {} failed to init: {}", name, e.getMessage());
        }
    }

    private void handleStepperEnable(double printTime, boolean isEnable) {
        printer.getReactor().registerCallback(e -> {
            if (isEnable) {
                doEnable();
            } else {
                doDisable(printTime);
            }
        }, Reactor.NOW);
    }

    private void doEnable() {
        try {
            if (toff != null) {
                fields.setField("toff", toff);
            }
            initRegisters(null);
            if (errorCheck.startChecks()) {
                mcuPhaseOffset = null; // the driver was reset: its phase is unknown again
            }
            if (mcuPhaseOffset == null && stepper != null) {
                LOG.info("Pausing toolhead to calculate {} phase offset", stepperName);
                if (!tmc.mcu().isFileoutput()) {
                    // in batch mode Klipper's wait_moves returns at once without yielding
                    printer.lookupObject("toolhead", Toolhead.class).waitMoves();
                }
                syncMcuPosition();
            }
        } catch (CommandError e) {
            printer.invokeShutdown(e.getMessage());
        }
    }

    private void doDisable(double printTime) {
        try {
            if (toff != null) {
                long val = fields.setField("toff", 0);
                tmc.setRegister(fields.lookupRegister("toff"), val, printTime);
            }
            errorCheck.stopChecks();
        } catch (CommandError e) {
            printer.invokeShutdown(e.getMessage());
        }
    }

    private int phases() {
        return (256 >> fields.getField("mres")) * 4;
    }

    /** The driver's microstep phase at the stepper's MCU position (for endstop_phase), as {offset, phases}. */
    int[] getPhaseOffset() {
        return new int[] {mcuPhaseOffset == null ? -1 : mcuPhaseOffset, phases()};
    }

    private long queryPhase() {
        String field = fields.lookupRegister("mscnt") != null ? "mscnt" : "mstep";
        String reg = fields.lookupRegister(field);
        return fields.getField(field, tmc.getRegister(reg), reg);
    }

    /** Reads the driver's phase and relates it to the stepper's MCU position. */
    private void syncMcuPosition() {
        long driverPhase;
        try {
            driverPhase = queryPhase();
            tmcMscnt = driverPhase;
        } catch (CommandError e) {
            LOG.info("Unable to obtain tmc {} phase", stepperName);
            mcuPhaseOffset = null;
            if (printer.lookupObject(StepperEnable.NAME, StepperEnable.class).isMotorEnabled(stepperName)) {
                throw e;
            }
            return;
        }
        if (!stepper.isDirInverted()) {
            driverPhase = 1023 - driverPhase;
        }
        int phases = phases();
        int phase = (int) ((double) driverPhase / 1024 * phases + .5) % phases;
        long mcuPos = stepper.getMcuPosition();
        mcuPhaseOffsetPos = mcuPos;
        int moff = (int) Math.floorMod(phase - mcuPos, (long) phases);
        if (mcuPhaseOffset != null && mcuPhaseOffset != moff) {
            LOG.warn("Stepper {} phase change (was {} now {})", stepperName, mcuPhaseOffset, moff);
        }
        mcuPhaseOffset = moff;
    }

    /** The status object: run/hold current, drv_status and temperature. */
    Map<String, Object> getStatus() {
        Map<String, Object> res = new LinkedHashMap<>();
        CurrentHelper.Currents c = current.getCurrent();
        res.put("mcu_phase_offset", mcuPhaseOffset);
        res.put("phase_offset_position",
                stepper != null && mcuPhaseOffset != null ? stepper.mcuToCommandedPosition(mcuPhaseOffset) : null);
        res.put("mscnt", tmcMscnt);
        res.put("mcu_phase_offset_pos", mcuPhaseOffsetPos);
        res.put("run_current", c.run());
        res.put("hold_current", c.hold());
        res.putAll(errorCheck.getStatus());
        return res;
    }
}
