/* klipper4j - a Klipper-compatible printer host. GPL-3.0-only. */
package org.klipper4j.core.internal.gcode;

import java.util.Locale;

/** Klipper's rules for command names. */
final class CommandNames {
    private CommandNames() {
    }

    /** A letter followed by a number ({@code G1}, {@code M117}, {@code G28.1}). */
    static boolean isTraditional(String name) {
        String[] words = name.toUpperCase(Locale.ROOT).strip().split("\\s+");
        String cmd = words[0];
        if (cmd.length() < 2 || !Character.isUpperCase(cmd.charAt(0)) || !Character.isDigit(cmd.charAt(1))) {
            return false;
        }
        try {
            PyNumbers.parseFloat(cmd.substring(1));
            return true;
        } catch (NumberFormatException e) {
            return false;
        }
    }

    /** Upper case letters, digits and underscores, not starting with a digit in the first two places. */
    static boolean isValidExtended(String name) {
        if (name.isEmpty() || !name.toUpperCase(Locale.ROOT).equals(name)) {
            return false;
        }
        for (char c : name.toCharArray()) {
            if (!(c == '_' || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9'))) {
                return false;
            }
        }
        return !Character.isDigit(name.charAt(0)) && !(name.length() > 1 && Character.isDigit(name.charAt(1)));
    }
}
