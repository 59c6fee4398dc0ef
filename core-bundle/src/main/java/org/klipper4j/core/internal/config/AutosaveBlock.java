/* klipper4j - a Klipper-compatible printer host. GPL-3.0-only. */
package org.klipper4j.core.internal.config;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The SAVE_CONFIG block at the end of printer.cfg: finding it, commenting out
 * options that are defined elsewhere, and writing it, in Klipper's format.
 */
final class AutosaveBlock {
    private static final Logger LOG = LoggerFactory.getLogger(AutosaveBlock.class);

    static final String HEADER = "\n#*# <---------------------- SAVE_CONFIG ---------------------->\n"
            + "#*# DO NOT EDIT THIS BLOCK OR BELOW. The contents are auto-generated.\n#*#\n";

    private static final Pattern COMMENT = Pattern.compile("[#;].*$");
    private static final Pattern AFTER_NAME = Pattern.compile("[^A-Za-z0-9_].*$");

    /**
     * A config file split at the SAVE_CONFIG header.
     *
     * @param regular  the text before the header (the whole file if there is no usable block)
     * @param autosave the block's config text with the {@code #*# } prefixes removed ("" if none)
     */
    record Split(String regular, String autosave) {
        boolean hasAutosave() {
            return !autosave.isBlank();
        }
    }

    private AutosaveBlock() {
    }

    static Split split(String data) {
        String regular = data;
        String block = "";
        int pos = data.indexOf(HEADER);
        if (pos >= 0) {
            regular = data.substring(0, pos);
            block = data.substring(pos + HEADER.length()).strip();
        }
        if (regular.contains("\n#*# ") || block.contains(HEADER)) {
            LOG.warn("Can't read autosave from config file - autosave state corrupted");
            return new Split(data, "");
        }
        StringBuilder out = new StringBuilder("\n");
        for (String line : block.split("\n", -1)) {
            boolean prefixed = line.startsWith("#*#") && (line.length() < 4 || line.startsWith("#*# "));
            if (!prefixed && !block.isEmpty()) {
                LOG.warn("Can't read autosave from config file - modifications after header");
                return new Split(data, "");
            }
            out.append(line.length() > 4 ? line.substring(4) : "").append('\n');
        }
        return new Split(regular, out.toString());
    }

    /** Comments out (with a leading '#') every option in {@code data} that {@code defined} already has. */
    static String stripDuplicates(String data, RawConfig defined) {
        String[] lines = data.split("\n", -1);
        String section = null;
        boolean inDuplicate = false;
        for (int i = 0; i < lines.length; i++) {
            String pruned = COMMENT.matcher(lines[i]).replaceFirst("").stripTrailing();
            if (pruned.isEmpty()) {
                continue;
            }
            if (Character.isWhitespace(pruned.charAt(0))) {
                if (inDuplicate) {
                    lines[i] = "#" + lines[i];
                }
                continue;
            }
            inDuplicate = false;
            if (pruned.charAt(0) == '[') {
                section = pruned.substring(1, pruned.length() - 1).strip();
                continue;
            }
            String field = AFTER_NAME.matcher(pruned).replaceFirst("");
            if (defined.hasOption(section, field)) {
                inDuplicate = true;
                lines[i] = "#" + lines[i];
            }
        }
        return String.join("\n", lines);
    }

    /** The block as written to the end of printer.cfg: header, prefixed lines, final newline. */
    static String render(RawConfig autosave) {
        List<String> lines = new ArrayList<>();
        lines.add("\n" + HEADER.stripTrailing());
        for (String line : configText(autosave).split("\n", -1)) {
            lines.add(("#*# " + line).strip());
        }
        lines.add("");
        return String.join("\n", lines);
    }

    /** The config as Python's configparser writes it ({@code key = value}, tab-indented continuations), stripped. */
    static String configText(RawConfig config) {
        StringBuilder sb = new StringBuilder();
        for (String section : config.sectionNames()) {
            sb.append('[').append(section).append("]\n");
            for (String option : config.options(section)) {
                String value = config.get(section, option).replace("\n", "\n\t");
                sb.append(option).append(" = ").append(value).append('\n');
            }
            sb.append('\n');
        }
        return sb.toString().strip();
    }
}
