/* klipper4j - a Klipper-compatible printer host. GPL-3.0-only. */
package org.klipper4j.extras.tmc.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.klipper4j.core.api.ConfigException;
import org.klipper4j.core.api.ConfigSection;

/**
 * The register values a driver is configured with (in the order they were first
 * set, which is the order they are written) and field encode/decode on them, as
 * Klipper's FieldHelper.
 */
final class FieldHelper {
    private final RegisterMap map;
    private final Map<String, Long> registers = new LinkedHashMap<>();

    FieldHelper(RegisterMap map) {
        this.map = map;
    }

    RegisterMap map() {
        return map;
    }

    /** Register values by name, in write order. */
    Map<String, Long> registers() {
        return registers;
    }

    String lookupRegister(String field) {
        return map.registerOf(field);
    }

    long getField(String field) {
        String reg = requireRegister(field);
        return getField(field, registers.getOrDefault(reg, 0L), reg);
    }

    long getField(String field, long regValue, String reg) {
        long mask = map.fieldsOf(reg).get(field);
        int shift = Long.numberOfTrailingZeros(mask);
        long v = (regValue & mask) >>> shift;
        if (map.isSigned(field) && ((regValue & mask) << 1) > mask) {
            v -= 1L << (64 - Long.numberOfLeadingZeros(v));
        }
        return v;
    }

    /** Sets a field in its register and returns the new register value. */
    long setField(String field, long value) {
        String reg = requireRegister(field);
        return setField(field, value, registers.getOrDefault(reg, 0L), reg);
    }

    long setField(String field, boolean value) {
        return setField(field, value ? 1 : 0);
    }

    long setField(String field, long value, long regValue, String reg) {
        long mask = map.fieldsOf(reg).get(field);
        long nv = (regValue & ~mask) | ((value << Long.numberOfTrailingZeros(mask)) & mask);
        nv &= 0xffffffffL;
        registers.put(reg, nv);
        return nv;
    }

    /** A {@code driver_<FIELD>} config option with its range from the field's width. */
    long setConfigField(ConfigSection config, String field, long defaultValue) {
        String option = "driver_" + field.toUpperCase();
        String reg = requireRegister(field);
        long mask = map.fieldsOf(reg).get(field);
        long maxval = mask >>> Long.numberOfTrailingZeros(mask);
        long val;
        if (maxval == 1) {
            val = config.getBoolean(option, defaultValue != 0) ? 1 : 0;
        } else if (map.isSigned(field)) {
            val = config.getInt(option, (int) defaultValue, (int) -(maxval / 2 + 1), (int) (maxval / 2));
        } else if (maxval > Integer.MAX_VALUE) {
            val = parseWide(config, option, defaultValue, maxval);
        } else {
            val = config.getInt(option, (int) defaultValue, 0, (int) maxval);
        }
        return setField(field, val);
    }

    // 32-bit fields (the wave table) do not fit an int option
    private static long parseWide(ConfigSection config, String option, long def, long maxval) {
        String s = config.get(option, null);
        if (s == null) {
            return def;
        }
        long v;
        try {
            v = Long.decode(s.trim());
        } catch (NumberFormatException e) {
            throw new ConfigException("Unable to parse option '" + option + "' in section '" + config.getName() + "'");
        }
        if (v < 0 || v > maxval) {
            throw new ConfigException("Option '" + option + "' in section '" + config.getName()
                    + "' must have " + (v < 0 ? "minimum of 0" : "maximum of " + maxval));
        }
        return v;
    }

    long setConfigField(ConfigSection config, String field, boolean defaultValue) {
        return setConfigField(config, field, defaultValue ? 1 : 0);
    }

    /** A register as DUMP_TMC prints it: {@code NAME:      0000abcd field=value ...}. */
    String prettyFormat(String reg, long value) {
        List<Map.Entry<String, Long>> fields = new ArrayList<>(map.fieldsOf(reg).entrySet());
        fields.sort((a, b) -> a.getValue().equals(b.getValue()) ? a.getKey().compareTo(b.getKey())
                : Long.compare(a.getValue(), b.getValue()));
        StringBuilder sb = new StringBuilder(String.format("%-11s %08x", reg + ":", value));
        for (Map.Entry<String, Long> f : fields) {
            long fv = getField(f.getKey(), value, reg);
            var fmt = map.formatter(f.getKey());
            String s = fmt != null ? fmt.apply(fv) : Long.toString(fv);
            if (!s.isEmpty() && !s.equals("0")) {
                sb.append(' ').append(f.getKey()).append('=').append(s);
            }
        }
        return sb.toString();
    }

    /** Every field of a register value, by name. */
    Map<String, Long> regFields(String reg, long value) {
        Map<String, Long> out = new LinkedHashMap<>();
        for (String f : map.fieldsOf(reg).keySet()) {
            out.put(f, getField(f, value, reg));
        }
        return out;
    }

    private String requireRegister(String field) {
        String reg = map.registerOf(field);
        if (reg == null) {
            throw new IllegalArgumentException("Unknown field name '" + field + "'");
        }
        return reg;
    }
}
