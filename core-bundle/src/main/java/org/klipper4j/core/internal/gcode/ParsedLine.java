/* klipper4j - a Klipper-compatible printer host. GPL-3.0-only. */
package org.klipper4j.core.internal.gcode;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * One input line split as Klipper splits it: the line is upper-cased, broken at
 * letter runs, a leading {@code N<number>} is skipped, and every letter run is a
 * parameter name with the text up to the next run as its value (so a checksum
 * becomes parameter {@code *}). Comments after {@code ;} are dropped.
 */
record ParsedLine(String command, String origline, Map<String, String> params) {
    static ParsedLine parse(String rawLine) {
        String origline = rawLine.strip();
        String line = origline;
        int comment = line.indexOf(';');
        if (comment >= 0) {
            line = line.substring(0, comment);
        }
        List<String> parts = splitKeepingLetters(line.toUpperCase(Locale.ROOT));
        String command;
        if (join(parts, 0, 2).equals("N")) {
            command = join(parts, 3, 5).strip();
        } else {
            command = join(parts, 0, 3).strip();
        }
        Map<String, String> params = new LinkedHashMap<>();
        for (int i = 1; i + 1 < parts.size(); i += 2) {
            params.put(parts.get(i), parts.get(i + 1).strip());
        }
        return new ParsedLine(command, origline, params);
    }

    /**
     * As Python's re.split by {@code ([A-Z_]+|[A-Z*])}: text, match, text, match, ..., text.
     * A match is a run of A-Z and underscore, or a single {@code *}. Scanned by hand: this
     * runs for every G-code line and a regex here was a visible share of the batch profile.
     */
    static List<String> splitKeepingLetters(String line) {
        List<String> parts = new ArrayList<>();
        int n = line.length();
        int last = 0;
        int i = 0;
        while (i < n) {
            char c = line.charAt(i);
            int end;
            if (isNameChar(c)) {
                end = i + 1;
                while (end < n && isNameChar(line.charAt(end))) {
                    end++;
                }
            } else if (c == '*') {
                end = i + 1;
            } else {
                i++;
                continue;
            }
            parts.add(line.substring(last, i));
            parts.add(line.substring(i, end));
            last = end;
            i = end;
        }
        parts.add(line.substring(last));
        return parts;
    }

    private static boolean isNameChar(char c) {
        return (c >= 'A' && c <= 'Z') || c == '_';
    }

    private static String join(List<String> parts, int from, int to) {
        StringBuilder sb = new StringBuilder();
        for (int i = from; i < Math.min(to, parts.size()); i++) {
            sb.append(parts.get(i));
        }
        return sb.toString();
    }
}
