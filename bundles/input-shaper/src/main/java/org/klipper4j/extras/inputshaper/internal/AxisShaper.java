/* klipper4j - a Klipper-compatible printer host. GPL-3.0-only. */
package org.klipper4j.extras.inputshaper.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.klipper4j.core.api.Bounds;
import org.klipper4j.core.api.ConfigSection;
import org.klipper4j.core.api.gcode.GCodeCommand;

/**
 * The shaper settings of one axis (Klipper's AxisInputShaper): type, frequency
 * and damping ratio, or a custom list of impulses; a frequency of 0 disables
 * shaping. Shaping can be suspended (resonance testing) and resumed.
 */
public final class AxisShaper {
    private final char axis;
    private ShaperSpec type;
    private double freq;
    private double damping;
    private Shaper custom;
    private ShaperPulses pulses;
    private ShaperPulses saved;

    public AxisShaper(char axis, ConfigSection config) {
        this.axis = axis;
        String common = config.get("shaper_type", "mzv");
        String text = config.get("shaper_type_" + axis, common);
        try {
            this.type = ShaperSpec.parse(text);
        } catch (ShaperException e) {
            throw config.error(e.getMessage());
        }
        this.damping = config.getFloat("damping_ratio_" + axis, ShaperDefinitions.DEFAULT_DAMPING_RATIO,
                Bounds.range(0., 1.));
        this.freq = config.getFloat("shaper_freq_" + axis, 0., Bounds.min(0.));
        if (type.isCustom()) {
            try {
                this.custom = parseCustom(config.get("shaper_a_" + axis, null), config.get("shaper_t_" + axis, null));
            } catch (IllegalArgumentException e) {
                throw config.error(e.getMessage());
            }
        }
        try {
            this.pulses = computePulses();
        } catch (ShaperException e) {
            throw config.error("Failed to initialize shaper: " + e.getMessage());
        }
    }

    /** The axis letter, lower case. */
    public char axis() {
        return axis;
    }

    /** Klipper's name for error messages: {@code shaper_x}. */
    public String name() {
        return "shaper_" + axis;
    }

    /** Applies a SET_INPUT_SHAPER command's parameters for this axis. */
    public void update(GCodeCommand gcmd) {
        String up = String.valueOf(Character.toUpperCase(axis));
        double newDamping = gcmd.getFloat("DAMPING_RATIO_" + up, damping, Bounds.range(0., 1.));
        double newFreq = gcmd.getFloat("SHAPER_FREQ_" + up, freq, Bounds.min(0.));
        String text = gcmd.get("SHAPER_TYPE", null);
        if (text == null) {
            text = gcmd.get("SHAPER_TYPE_" + up, null);
        }
        ShaperSpec newType = type;
        if (text != null) {
            try {
                newType = ShaperSpec.parse(text);
            } catch (ShaperException e) {
                throw gcmd.error(e.getMessage());
            }
        }
        Shaper newCustom = custom;
        String a = gcmd.get("SHAPER_A_" + up, null);
        String t = gcmd.get("SHAPER_T_" + up, null);
        if (newType.isCustom() && (a != null || t != null || custom == null)) {
            try {
                newCustom = parseCustom(a != null ? a : joined(custom, true), t != null ? t : joined(custom, false));
            } catch (IllegalArgumentException e) {
                throw gcmd.error(e.getMessage());
            }
        }
        ShaperPulses newPulses;
        try {
            newPulses = ShaperPulses.of(shaperOf(newType, newFreq, newDamping, newCustom));
        } catch (ShaperException e) {
            throw gcmd.error("Failed to initialize shaper: " + e.getMessage());
        }
        type = newType;
        freq = newFreq;
        damping = newDamping;
        custom = newCustom;
        pulses = newPulses;
        saved = null;
    }

    private static String joined(Shaper shaper, boolean amplitudes) {
        if (shaper == null) {
            return null;
        }
        double[] v = amplitudes ? shaper.a() : shaper.t();
        List<String> parts = new ArrayList<>();
        for (double d : v) {
            parts.add(Double.toString(d));
        }
        return String.join(",", parts);
    }

    /** A custom shaper from comma (or line) separated amplitudes and times. */
    static Shaper parseCustom(String aText, String tText) {
        if (aText == null) {
            throw new IllegalArgumentException("shaper_a must be set for the custom shaper type");
        }
        if (tText == null) {
            throw new IllegalArgumentException("shaper_t must be set for the custom shaper type");
        }
        double[] a = parseList(aText, "shaper_a");
        double[] t = parseList(tText, "shaper_t");
        if (a.length != t.length) {
            throw new IllegalArgumentException("shaper_a and shaper_t must have the same number of values");
        }
        if (a.length < 1) {
            throw new IllegalArgumentException("The custom shaper needs at least one impulse");
        }
        if (a.length > ShaperPulses.MAX_PULSES) {
            throw new IllegalArgumentException(
                    "The custom shaper has " + a.length + " impulses, at most " + ShaperPulses.MAX_PULSES
                            + " are supported");
        }
        double sum = 0.;
        for (double v : a) {
            sum += v;
        }
        if (!(sum > 0.)) {
            throw new IllegalArgumentException("The sum of shaper_a values must be positive");
        }
        for (int i = 1; i < t.length; i++) {
            if (t[i] < t[i - 1]) {
                throw new IllegalArgumentException("shaper_t values must be in increasing order");
            }
        }
        if (t[t.length - 1] - t[0] > 0.2) {
            throw new IllegalArgumentException("The custom shaper is longer than 0.2 seconds");
        }
        return new Shaper(a, t);
    }

    private static double[] parseList(String text, String what) {
        List<Double> values = new ArrayList<>();
        for (String line : text.split("\n")) {
            for (String part : line.split(",")) {
                String v = part.strip();
                if (v.isEmpty()) {
                    continue;
                }
                try {
                    values.add(Double.parseDouble(v));
                } catch (NumberFormatException e) {
                    throw new IllegalArgumentException("Invalid " + what + " value '" + v + "'");
                }
            }
        }
        return values.stream().mapToDouble(Double::doubleValue).toArray();
    }

    /** The shaper now in effect (NONE when the frequency is 0 for a named type). */
    public Shaper shaper() {
        return shaperOf(type, freq, damping, custom);
    }

    private static Shaper shaperOf(ShaperSpec type, double freq, double damping, Shaper custom) {
        if (type.isCustom()) {
            return custom;
        }
        if (freq == 0.) {
            return Shaper.NONE;
        }
        return type.build(freq, damping);
    }

    private ShaperPulses computePulses() {
        return ShaperPulses.of(shaper());
    }

    /** The solver pulses, or null if they cannot be used. */
    public ShaperPulses pulses() {
        return pulses;
    }

    public void disableShaping() {
        if (saved == null && pulses != null && !pulses.isEmpty()) {
            saved = pulses;
        }
        pulses = ShaperPulses.NONE;
    }

    public void enableShaping() {
        if (saved == null) {
            return;
        }
        pulses = saved;
        saved = null;
    }

    /** After the solver refused the pulses: shaping off for this axis. */
    public void dropPulses() {
        pulses = ShaperPulses.NONE;
    }

    /** Type, frequency and damping as Klipper reports them (frequency %.3f, damping %.6f). */
    public Map<String, Object> status() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("shaper_type_" + axis, type.text());
        m.put("shaper_freq_" + axis, String.format(Locale.ROOT, "%.3f", freq));
        m.put("damping_ratio_" + axis, String.format(Locale.ROOT, "%.6f", damping));
        return m;
    }

    /** One line of SET_INPUT_SHAPER's answer: {@code shaper_type_x:mzv shaper_freq_x:33.200 damping_ratio_x:0.100000}. */
    public String report() {
        List<String> parts = new ArrayList<>();
        for (Map.Entry<String, Object> e : status().entrySet()) {
            parts.add(e.getKey() + ":" + e.getValue());
        }
        return String.join(" ", parts);
    }
}
