/* klipper4j - a Klipper-compatible printer host. GPL-3.0-only. */
package org.klipper4j.core.internal.gcode;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One input line split as Klipper splits it: the line is upper-cased, broken at
 * letter runs, a leading {@code N<number>} is skipped, and every letter run is a
 * parameter name with the text up to the next run as its value (so a checksum
 * becomes parameter {@code *}). Comments after {@code ;} are dropped.
 */
record ParsedLine(String command, String origline, Map<String, String> params) {
    private static final Pattern LETTERS = Pattern.compile("([A-Z_]+|[A-Z*])");

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

    /** As Python's re.split with a capturing group: text, match, text, match, ..., text. */
    private static List<String> splitKeepingLetters(String line) {
        List<String> parts = new ArrayList<>();
        Matcher m = LETTERS.matcher(line);
        int last = 0;
        while (m.find()) {
            parts.add(line.substring(last, m.start()));
            parts.add(m.group());
            last = m.end();
        }
        parts.add(line.substring(last));
        return parts;
    }

    private static String join(List<String> parts, int from, int to) {
        StringBuilder sb = new StringBuilder();
        for (int i = from; i < Math.min(to, parts.size()); i++) {
            sb.append(parts.get(i));
        }
        return sb.toString();
    }
}
