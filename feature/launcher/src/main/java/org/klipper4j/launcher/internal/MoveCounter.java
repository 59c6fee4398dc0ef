/* klipper4j - a Klipper-compatible printer host. GPL-3.0-only. */
package org.klipper4j.launcher.internal;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/** Counts the moves of a G-code file: its G0 and G1 commands (line numbers and comments ignored). */
public final class MoveCounter {

    private MoveCounter() {
    }

    public static long count(Path gcode) throws IOException {
        long moves = 0;
        try (BufferedReader in = Files.newBufferedReader(gcode, StandardCharsets.ISO_8859_1)) {
            String line;
            while ((line = in.readLine()) != null) {
                if (isMove(line)) {
                    moves++;
                }
            }
        }
        return moves;
    }

    /** True for a G0/G1 line, e.g. {@code G1 X10}, {@code N12 g01 X1*34}. */
    static boolean isMove(String line) {
        String[] words = stripComment(line).trim().toUpperCase(Locale.ROOT).split("\\s+");
        int first = 0;
        if (words.length > 1 && words[0].startsWith("N")) {
            first = 1;
        }
        String cmd = words[first];
        int star = cmd.indexOf('*');
        if (star >= 0) {
            cmd = cmd.substring(0, star);
        }
        if (!cmd.startsWith("G") || cmd.length() < 2) {
            return false;
        }
        try {
            return Integer.parseInt(cmd.substring(1)) <= 1 && !cmd.substring(1).startsWith("-");
        } catch (NumberFormatException e) {
            return false;
        }
    }

    private static String stripComment(String line) {
        int semicolon = line.indexOf(';');
        return semicolon < 0 ? line : line.substring(0, semicolon);
    }
}
