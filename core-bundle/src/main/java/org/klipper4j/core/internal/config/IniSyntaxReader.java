/* klipper4j - a Klipper-compatible printer host. GPL-3.0-only. */
package org.klipper4j.core.internal.config;

import java.util.ArrayList;
import java.util.List;

import org.klipper4j.core.api.ConfigException;

/**
 * Reads one run of config lines into a {@link RawConfig} the way Klipper reads
 * them: everything after {@code #} is dropped first, then the text goes through
 * the rules of Python's RawConfigParser ({@code strict=False},
 * {@code inline_comment_prefixes=(';', '#')}): {@code key: value} or
 * {@code key = value}, indented continuation lines, blank lines kept inside
 * multi-line values, trailing blank lines dropped, repeated sections merged.
 *
 * <p>Each run starts outside any section, as each configparser read does in
 * Klipper (so options right after an {@code [include]} need a section header).
 */
final class IniSyntaxReader {
    private final RawConfig target;
    private final String fileName;

    private String section;
    private String option;
    private List<String> valueLines;
    private int indentLevel;

    IniSyntaxReader(RawConfig target, String fileName) {
        this.target = target;
        this.fileName = fileName;
    }

    /**
     * Reads the lines; {@code firstLineNumber} is the 1-based number of the
     * first line in its file, for error messages.
     */
    void read(List<String> lines, int firstLineNumber) {
        section = null;
        option = null;
        valueLines = null;
        indentLevel = 0;
        int lineNumber = firstLineNumber;
        for (String raw : lines) {
            readLine(raw, lineNumber++);
        }
        flushOption();
    }

    private void readLine(String raw, int lineNumber) {
        String line = stripHashComment(raw);
        int commentStart = inlineSemicolonComment(line);
        if (line.strip().startsWith(";")) {
            commentStart = 0;
        }
        String value = (commentStart < 0 ? line : line.substring(0, commentStart)).strip();
        if (value.isEmpty()) {
            // A blank line belongs to the value being read, unless it held a ';' comment.
            if (commentStart < 0 && section != null && option != null) {
                valueLines.add("");
            }
            return;
        }
        int indent = firstNonSpace(line);
        if (section != null && option != null && indent > indentLevel) {
            valueLines.add(value);
            return;
        }
        indentLevel = indent;
        String header = sectionHeader(value);
        if (header != null) {
            flushOption();
            section = header;
            target.addSection(header);
            return;
        }
        if (section == null) {
            throw new ConfigException("File contains no section headers.\nfile: '" + fileName + "', line: "
                    + lineNumber + "\n'" + raw + "'");
        }
        int delimiter = firstDelimiter(value);
        String name = delimiter < 0 ? "" : value.substring(0, delimiter).strip();
        if (name.isEmpty()) {
            throw new ConfigException("Source contains parsing errors: '" + fileName + "'\n\t[line "
                    + String.format("%2d", lineNumber) + "]: '" + raw + "'");
        }
        flushOption();
        option = RawConfig.optionKey(name);
        valueLines = new ArrayList<>();
        valueLines.add(value.substring(delimiter + 1).strip());
    }

    private void flushOption() {
        if (option != null) {
            target.set(section, option, String.join("\n", valueLines).stripTrailing());
        }
        option = null;
        valueLines = null;
    }

    /** The text of a {@code [header]} line (Python's {@code \[(.+)\]} at line start), or null. */
    static String sectionHeader(String text) {
        int close = text.lastIndexOf(']');
        if (!text.startsWith("[") || close < 2) {
            return null;
        }
        return text.substring(1, close);
    }

    static String stripHashComment(String line) {
        int hash = line.indexOf('#');
        return hash < 0 ? line : line.substring(0, hash);
    }

    /** Position of a ';' that starts an inline comment (at line start or after whitespace), or -1. */
    private static int inlineSemicolonComment(String line) {
        for (int i = line.indexOf(';'); i >= 0; i = line.indexOf(';', i + 1)) {
            if (i == 0 || Character.isWhitespace(line.charAt(i - 1))) {
                return i;
            }
        }
        return -1;
    }

    private static int firstDelimiter(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == ':' || c == '=') {
                return i;
            }
        }
        return -1;
    }

    private static int firstNonSpace(String line) {
        for (int i = 0; i < line.length(); i++) {
            if (!Character.isWhitespace(line.charAt(i))) {
                return i;
            }
        }
        return 0;
    }
}
