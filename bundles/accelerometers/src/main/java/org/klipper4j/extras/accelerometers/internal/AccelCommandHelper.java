/* klipper4j - a Klipper-compatible printer host. GPL-3.0-only. */
package org.klipper4j.extras.accelerometers.internal;

import java.util.Locale;

import org.klipper4j.core.api.ConfigSection;
import org.klipper4j.core.api.gcode.GCodeCommand;
import org.klipper4j.core.api.gcode.GCodeDispatch;

/**
 * The register commands every accelerometer chip offers, multiplexed on
 * {@code CHIP=<name>} (the section's last word); an unnamed chip also answers
 * without CHIP, as in Klipper. ACCELEROMETER_QUERY and ACCELEROMETER_MEASURE
 * (bulk sample streaming) are not provided yet.
 */
final class AccelCommandHelper {
    private static final int MAX_REGISTER = 126;
    private static final int MAX_VALUE = 255;

    private final Accelerometer chip;

    AccelCommandHelper(ConfigSection config, Accelerometer chip) {
        this.chip = chip;
        String[] parts = config.getName().trim().split("\\s+");
        String name = parts[parts.length - 1];
        GCodeDispatch gcode = config.getPrinter().lookupObject("gcode", GCodeDispatch.class);
        register(gcode, name);
        if (parts.length == 1 && (name.equals("adxl345") || !config.hasSection("adxl345"))) {
            register(gcode, null);
        }
    }

    private void register(GCodeDispatch gcode, String name) {
        gcode.registerMuxCommand("ACCELEROMETER_DEBUG_READ", "CHIP", name, this::cmdDebugRead,
                "Query register (for debugging)");
        gcode.registerMuxCommand("ACCELEROMETER_DEBUG_WRITE", "CHIP", name, this::cmdDebugWrite,
                "Set register (for debugging)");
    }

    private void cmdDebugRead(GCodeCommand gcmd) {
        int reg = integer(gcmd, "REG", MAX_REGISTER);
        int val = chip.readRegister(reg);
        gcmd.respondInfo(String.format(Locale.ROOT, "Accelerometer REG[0x%x] = 0x%x", reg, val));
    }

    private void cmdDebugWrite(GCodeCommand gcmd) {
        int reg = integer(gcmd, "REG", MAX_REGISTER);
        int val = integer(gcmd, "VAL", MAX_VALUE);
        chip.setRegister(reg, val);
    }

    /** A whole number in Python's int(x, 0) notation (decimal, 0x.., 0o.., 0b..) within 0..max. */
    static int integer(GCodeCommand gcmd, String name, int max) {
        String text = gcmd.get(name, null);
        if (text == null) {
            throw gcmd.error("Error on '" + gcmd.getCommandline() + "': missing " + name);
        }
        int value;
        try {
            value = parseInteger(text.strip());
        } catch (NumberFormatException e) {
            throw gcmd.error("Error on '" + gcmd.getCommandline() + "': unable to parse " + text);
        }
        if (value < 0) {
            throw gcmd.error("Error on '" + gcmd.getCommandline() + "': " + name + " must have minimum of 0");
        }
        if (value > max) {
            throw gcmd.error("Error on '" + gcmd.getCommandline() + "': " + name + " must have maximum of " + max);
        }
        return value;
    }

    private static int parseInteger(String s) {
        String t = s.toLowerCase(Locale.ROOT).replace("_", "");
        boolean negative = t.startsWith("-");
        if (negative || t.startsWith("+")) {
            t = t.substring(1);
        }
        int radix = 10;
        if (t.startsWith("0x")) {
            radix = 16;
        } else if (t.startsWith("0o")) {
            radix = 8;
        } else if (t.startsWith("0b")) {
            radix = 2;
        }
        if (radix != 10) {
            t = t.substring(2);
        } else if (t.length() > 1 && t.startsWith("0") && !t.matches("0+")) {
            // Python refuses decimal numbers with leading zeros
            throw new NumberFormatException(s);
        }
        int v = Integer.parseInt(t, radix);
        return negative ? -v : v;
    }
}
