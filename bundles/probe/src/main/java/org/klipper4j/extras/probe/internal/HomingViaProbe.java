/* klipper4j - a Klipper-compatible printer host. GPL-3.0-only. */
package org.klipper4j.extras.probe.internal;

import java.util.ArrayList;
import java.util.List;

import org.klipper4j.core.api.ConfigException;
import org.klipper4j.core.api.ConfigSection;
import org.klipper4j.core.api.Printer;
import org.klipper4j.core.api.PrinterEvents;
import org.klipper4j.core.api.gcode.GCodeCommand;
import org.klipper4j.core.api.mcu.PinChip;
import org.klipper4j.core.api.mcu.PinParams;
import org.klipper4j.core.api.mcu.Pins;
import org.klipper4j.core.api.motion.HomingMoveInfo;
import org.klipper4j.core.api.motion.PrinterHoming;
import org.klipper4j.core.api.motion.Rail;
import org.klipper4j.core.api.motion.Stepper;
import org.klipper4j.core.api.motion.Toolhead;
import org.klipper4j.extras.probe.api.ProbeEndstop;
import org.klipper4j.extras.probe.api.ProbeSession;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Homing and probing through the probe's endstop (Klipper's HomingViaProbeHelper): serves
 * the pin {@code probe:z_virtual_endstop}, deploys the probe around homing moves that use
 * it, and is the hardware probe session (one probing move down to the Z minimum).
 */
final class HomingViaProbe implements PinChip, ProbeSession {
    private static final Logger LOG = LoggerFactory.getLogger(HomingViaProbe.class);

    private final Printer printer;
    private final ProbeEndstop probeEndstop;
    private final ProbeParameters params;
    private final double zMinPosition;
    private final List<double[]> results = new ArrayList<>();
    private final double zOffset;
    private boolean multiProbePending;
    private boolean probing;

    HomingViaProbe(ConfigSection config, ProbeEndstop probeEndstop, ProbeParameters params, double zOffset) {
        this.printer = config.getPrinter();
        this.zOffset = zOffset;
        this.probeEndstop = probeEndstop;
        this.params = params;
        this.zMinPosition = lookupMinimumZ(config);
        printer.registerEventHandler(PrinterEvents.MCU_IDENTIFY, a -> addZSteppers());
        printer.lookupObject("pins", Pins.class).registerChip("probe", this);
        printer.registerEventHandler("homing:homing_move_begin", a -> {
            if (usesProbe(a)) {
                probeEndstop.probePrepare((HomingMoveInfo) a[0]);
                if (!probing) {
                    startHomingBelowTrigger();
                }
            }
        });
        printer.registerEventHandler("homing:homing_move_end", a -> {
            if (usesProbe(a)) {
                probeEndstop.probeFinish((HomingMoveInfo) a[0]);
            }
        });
        printer.registerEventHandler("homing:home_rails_begin", a -> {
            if (railsUseProbe(a)) {
                probeEndstop.multiProbeBegin();
                multiProbePending = true;
            }
        });
        printer.registerEventHandler("homing:home_rails_end", a -> {
            if (multiProbePending && railsUseProbe(a)) {
                multiProbePending = false;
                probeEndstop.multiProbeEnd();
            }
        });
        printer.registerEventHandler("gcode:command_error", a -> {
            if (multiProbePending) {
                multiProbePending = false;
                try {
                    probeEndstop.multiProbeEnd();
                } catch (RuntimeException e) {
                    LOG.warn("Homing multi-probe end", e);
                }
            }
        });
    }

    /**
     * Homing through the probe descends like a probe does, down to the Z minimum rather
     * than to position_endstop (Klipper's homing via probe): the toolhead is told it is
     * that much higher, and the homing sets the position at its end.
     */
    private void startHomingBelowTrigger() {
        Toolhead toolhead = printer.lookupObject("toolhead", Toolhead.class);
        double[] pos = toolhead.getPosition();
        pos[2] += zOffset - zMinPosition;
        toolhead.setPosition(pos, "");
    }

    /** The Z the probe moves down to: the Z rail's position_min, else the printer's minimum_z_position. */
    static double lookupMinimumZ(ConfigSection config) {
        ConfigSection zconfig = lookupZEndstopConfig(config);
        if (zconfig != null) {
            return zconfig.getFloat("position_min", 0.);
        }
        return config.getSection("printer").getFloat("minimum_z_position", 0.);
    }

    /** The config section of the Z rail ([stepper_z], or a carriage on the z axis); null if none. */
    static ConfigSection lookupZEndstopConfig(ConfigSection config) {
        if (config.hasSection("stepper_z")) {
            return config.getSection("stepper_z");
        }
        for (ConfigSection c : config.getPrefixSections("carriage ")) {
            String[] parts = c.getName().split("\\s+");
            String axis = c.hasOption("axis") ? c.get("axis") : parts[parts.length - 1];
            if (axis.equals("z")) {
                return c;
            }
        }
        return null;
    }

    private boolean usesProbe(Object[] args) {
        return args.length > 0 && args[0] instanceof HomingMoveInfo m && m.getMcuEndstops().contains(probeEndstop);
    }

    private boolean railsUseProbe(Object[] args) {
        if (args.length < 2 || !(args[1] instanceof List<?> rails)) {
            return false;
        }
        for (Object r : rails) {
            if (r instanceof Rail rail) {
                for (Rail.NamedEndstop ne : rail.getEndstops()) {
                    if (ne.endstop() == probeEndstop) {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    private void addZSteppers() {
        Toolhead toolhead = printer.lookupObject("toolhead", Toolhead.class);
        for (Stepper s : toolhead.getKinematics().getSteppers()) {
            if (s.isActiveAxis('z')) {
                probeEndstop.addStepper(s);
            }
        }
    }

    @Override
    public Object setupPin(String pinType, PinParams pinParams) {
        if (!pinType.equals("endstop") || !pinParams.pin().equals("z_virtual_endstop")) {
            throw new ConfigException("Probe virtual endstop only useful as endstop pin");
        }
        if (pinParams.invert() || pinParams.pullup() != 0) {
            throw new ConfigException("Can not pullup/invert probe virtual endstop");
        }
        return probeEndstop;
    }

    /** Starts a hardware session: the probe deploys once for all its moves when it can. */
    ProbeSession startSession(GCodeCommand gcmd) {
        probeEndstop.multiProbeBegin();
        results.clear();
        return this;
    }

    @Override
    public void runProbe(GCodeCommand gcmd) {
        Toolhead toolhead = printer.lookupObject("toolhead", Toolhead.class);
        double[] pos = toolhead.getPosition();
        pos[2] = zMinPosition;
        double speed = params.get(gcmd).probeSpeed();
        PrinterHoming homing = printer.lookupObject(PrinterHoming.NAME, PrinterHoming.class);
        probing = true;
        try {
            results.add(homing.probingMove(probeEndstop, pos, speed));
        } finally {
            probing = false;
        }
    }

    @Override
    public List<double[]> pullProbedResults() {
        List<double[]> res = new ArrayList<>(results);
        results.clear();
        return res;
    }

    @Override
    public void endProbeSession() {
        results.clear();
        probeEndstop.multiProbeEnd();
    }
}
