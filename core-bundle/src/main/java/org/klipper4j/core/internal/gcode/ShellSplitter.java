/* klipper4j - a Klipper-compatible printer host. GPL-3.0-only. */
package org.klipper4j.core.internal.gcode;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits extended G-code parameters ({@code KEY=value KEY2="a b"}) the way
 * Klipper does with Python's POSIX shlex: whitespace separates words, single and
 * double quotes group, backslash escapes, and {@code #} or {@code ;} starts a comment.
 */
final class ShellSplitter {
    private static final String WHITESPACE = " \t\r\n";
    private static final String COMMENTERS = "#;";

    private ShellSplitter() {
    }

    /** The words of {@code text}; throws IllegalArgumentException on an unclosed quote or escape. */
    static List<String> split(String text) {
        List<String> words = new ArrayList<>();
        StringBuilder token = new StringBuilder();
        boolean inWord = false;
        int i = 0;
        int n = text.length();
        while (i < n) {
            char c = text.charAt(i);
            if (WHITESPACE.indexOf(c) >= 0) {
                if (inWord) {
                    words.add(token.toString());
                    token.setLength(0);
                    inWord = false;
                }
                i++;
            } else if (COMMENTERS.indexOf(c) >= 0) {
                // The rest of the line is a comment.
                int eol = text.indexOf('\n', i);
                i = eol < 0 ? n : eol + 1;
                if (inWord) {
                    words.add(token.toString());
                    token.setLength(0);
                    inWord = false;
                }
            } else if (c == '\\') {
                if (i + 1 >= n) {
                    throw new IllegalArgumentException("No escaped character");
                }
                token.append(text.charAt(i + 1));
                inWord = true;
                i += 2;
            } else if (c == '\'' || c == '"') {
                i = readQuoted(text, i, token);
                inWord = true;
            } else {
                token.append(c);
                inWord = true;
                i++;
            }
        }
        if (inWord) {
            words.add(token.toString());
        }
        return words;
    }

    /** Appends the quoted part starting at {@code start}; returns the index after the closing quote. */
    private static int readQuoted(String text, int start, StringBuilder token) {
        char quote = text.charAt(start);
        int i = start + 1;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (c == quote) {
                return i + 1;
            }
            if (quote == '"' && c == '\\' && i + 1 < text.length()) {
                char next = text.charAt(i + 1);
                // Inside double quotes a backslash escapes only a quote or a backslash.
                if (next == '"' || next == '\\') {
                    token.append(next);
                    i += 2;
                    continue;
                }
            }
            token.append(c);
            i++;
        }
        throw new IllegalArgumentException("No closing quotation");
    }
}
